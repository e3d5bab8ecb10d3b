/** PLACEHOLDER (foundation): the policy playground. The policy issue builds it. */
const root = document.getElementById("app");
if (root) root.textContent = "Think First policy playground";
export {};
