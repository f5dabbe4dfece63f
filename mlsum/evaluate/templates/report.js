"use strict";
(function () {
  const form = document.getElementById("filters");
  const docs = Array.from(document.querySelectorAll("article.doc"));
  const shown = document.getElementById("shown");

  function applyFilters() {
    const wanted = Array.from(form.querySelectorAll("input[name=flag]:checked"), (box) => box.value);
    const query = form.elements.id.value.trim().toLowerCase();
    let count = 0;
    for (const doc of docs) {
      const flags = doc.dataset.flags.split(" ");
      const visible = (wanted.length === 0 || wanted.some((flag) => flags.includes(flag)))
        && (query === "" || doc.dataset.id.toLowerCase().includes(query));
      doc.hidden = !visible;
      count += visible ? 1 : 0;
    }
    shown.textContent = count + " of " + docs.length + " documents";
  }

  form.addEventListener("input", applyFilters);
  form.addEventListener("submit", (event) => event.preventDefault());

  // A figure shows its evidence in place: the source pane scrolls, the page stays where it is.
  document.addEventListener("click", (event) => {
    const link = event.target.closest("a.fig");
    if (!link) return;
    const evidence = document.getElementById(link.getAttribute("href").slice(1));
    if (!evidence) return;
    event.preventDefault();
    const pane = evidence.closest("details");
    if (pane) pane.open = true;
    for (const old of document.querySelectorAll(".ev.current")) old.classList.remove("current");
    evidence.classList.add("current");
    evidence.scrollIntoView({ block: "nearest", inline: "nearest" });
  });
})();
