import { htmlToText } from "./html";

describe("htmlToText (the one HTML-to-text of the add-in, the CLI and the playground)", () => {
  it("text and line breaks of a body; scripts and styles dropped; entities decoded", () => {
    expect(htmlToText("<p>Card&nbsp;4111</p><style>p{}</style><div>a &amp; b<br>c</div><script>x()</script>").split(/\n+/)).toEqual(["Card 4111", "a & b", "c"]);
  });
  it("adjacent table cells are never glued into one number", () => {
    const t = htmlToText("<table><tr><td>4111</td><td>1111</td><td>1111</td><td>1111</td></tr><tr><th>a</th><th>b</th></tr></table>");
    expect(t).not.toMatch(/41111111/);
    expect(t.split(/\n+/).map((l) => l.split(/\t+/).filter(Boolean))).toEqual([["4111", "1111", "1111", "1111"], ["a", "b"]]);
  });
  it("link targets and image alt text are kept", () => {
    expect(htmlToText('<a href="mailto:ann@example.com">Ann</a><img alt="IBAN GB82">')).toBe("mailto:ann@example.com Ann IBAN GB82");
  });
});
