// "Share this step": the system share sheet where there is one (phones); elsewhere the link
// simply opens the step, and its address is in the URL bar to copy.
export function shareStep(e: MouseEvent & { currentTarget: HTMLAnchorElement }): void {
  if (typeof navigator.share !== 'function') return;
  e.preventDefault();
  navigator.share({ title: document.title, url: e.currentTarget.href }).catch(() => {
    /* the reader closed the sheet */
  });
}
