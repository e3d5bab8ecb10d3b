/** Bench section "extract" (placeholder until its issue lands). */
export async function run(): Promise<void> {
  console.log("not measured yet");
}
