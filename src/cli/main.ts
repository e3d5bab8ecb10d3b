/** PLACEHOLDER (foundation): the `dlp` CLI. The policy issue builds scan, check-policy and explain. */
export async function main(argv: string[]): Promise<number> {
  console.error(`dlp: not implemented yet (${argv.join(" ")})`);
  return 3;
}
