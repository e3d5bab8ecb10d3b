/** Small DOM helpers for the browser pages: the task pane here, and the compose simulator and policy playground (src/web). Browser only. */

/** Creates an element with attributes and children (strings become text nodes, never HTML). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const k of Object.keys(attrs)) e.setAttribute(k, attrs[k] as string);
  for (const c of children) e.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
  return e;
}

/** Makes `zone` accept dropped files (class "over" while dragging) and hands them to `onFiles`. */
export function onFileDrop(zone: HTMLElement, onFiles: (files: FileList | null) => void): void {
  zone.addEventListener("dragover", (e) => {
    e.preventDefault();
    zone.classList.add("over");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", (e) => {
    e.preventDefault();
    zone.classList.remove("over");
    onFiles(e.dataTransfer ? e.dataTransfer.files : null);
  });
}
