// After Back or Forward, htmx puts back the page as it was, but a form's fields come back
// as the server first wrote them, not as the user last set them: a filtered list showed
// its results beside filters that were not the ones applied. The address holds the
// filters, so the fields of each form that pushes its query to the address are set from it.
document.addEventListener("htmx:historyRestore", () => {
  const params = new URLSearchParams(window.location.search);
  for (const form of document.querySelectorAll("form[hx-push-url]")) {
    for (const field of form.elements) {
      if (!field.name || field.type === "submit" || field.type === "button") {
        continue;
      }
      const values = params.getAll(field.name);
      if (field.type === "checkbox" || field.type === "radio") {
        field.checked = values.includes(field.value);
      } else if (field.multiple) {
        for (const option of field.options) {
          option.selected = values.includes(option.value);
        }
      } else {
        field.value = values.length ? values[0] : "";
      }
    }
  }
});
