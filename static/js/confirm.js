// A form with data-confirm asks before it is sent (revoking an API token, merging an
// event away): the question is the attribute's text. The pages' CSP allows no inline
// onsubmit handler, so one listener serves them all. Capturing, it runs before htmx's.
document.addEventListener(
  "submit",
  (event) => {
    const question = event.target.dataset && event.target.dataset.confirm;
    if (question && !window.confirm(question)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  },
  true,
);
