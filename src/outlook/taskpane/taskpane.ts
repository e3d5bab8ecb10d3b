/** PLACEHOLDER (foundation): the Take Action task pane. The Outlook issue builds it. */
Office.onReady(() => {
  const root = document.getElementById("app");
  if (root) root.textContent = "Think First";
});
export {};
