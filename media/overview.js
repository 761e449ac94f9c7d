// The architecture overview's webview: replaces the tables when the extension sends new ones (keeping the focused
// cell focused), and asks the extension to open a document at a section when a cell or a document name is clicked.
// Buttons are activated by Enter and Space as well, so the table is usable from the keyboard.
(function () {
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('overview');

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || message.type !== 'update' || typeof message.html !== 'string') return;
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement.dataset : undefined;
    root.innerHTML = message.html;
    if (focused && focused.link) {
      const again = [...root.querySelectorAll('button[data-link]')].find((b) => b.dataset.link === focused.link && b.dataset.line === focused.line);
      if (again) again.focus();
    }
  });

  root.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button[data-link]') : null;
    if (button) vscode.postMessage({ type: 'open', link: button.dataset.link, line: Number(button.dataset.line) });
  });

  vscode.postMessage({ type: 'ready' });
})();
