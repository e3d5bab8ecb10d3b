import { markdownToHtml } from "./markdown";

it("renders bold, italic, https links, lists and paragraphs", () => {
  expect(markdownToHtml("**Think First**\n\nFound: *2* card numbers\n\n- one\r- two\r\n\n[Policy](https://intranet.example.com/p)")).toBe(
    '<p><strong>Think First</strong></p><p>Found: <em>2</em> card numbers</p><ul><li>one</li><li>two</li></ul><p><a href="https://intranet.example.com/p" target="_blank" rel="noopener noreferrer">Policy</a></p>',
  );
});

it("escapes HTML and refuses non-https links", () => {
  expect(markdownToHtml("<img src=x onerror=alert(1)> [x](javascript:alert(1))")).toBe("<p>&lt;img src=x onerror=alert(1)&gt; [x](javascript:alert(1))</p>");
});
