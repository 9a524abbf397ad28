// Enhancements only: the site works fully without this file.
// Close the language list when a reader presses Escape or clicks elsewhere.
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  document.querySelectorAll(".languages details[open]").forEach((details) => {
    details.open = false;
    details.querySelector("summary").focus();
  });
});
document.addEventListener("click", (event) => {
  document.querySelectorAll(".languages details[open]").forEach((details) => {
    if (!details.contains(event.target)) details.open = false;
  });
});
