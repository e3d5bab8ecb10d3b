/** PLACEHOLDER (foundation): the compose simulator. The Outlook issue builds it. */
const root = document.getElementById("app");
if (root) root.textContent = "Think First compose simulator";
export {};
