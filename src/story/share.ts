// "Share this step": the step's preview page (s/<step-id>/, built by src/share/), whose card link
// previews show. Phones and tablets get the system share sheet; elsewhere the link is copied.
// The page is resolved against the story's own address: in an embed that is the standalone
// story's (the frame's address less ?embed), never the host page's.

/** The step's preview page, beside the story page at `base`. */
export const stepPageUrl = (stepId: string, base: string): string => new URL(`s/${encodeURIComponent(stepId)}/`, base).href;

export type ShareOutcome = 'shared' | 'copied' | 'failed';

/**
 * Shares `url`: through the share sheet where there is one and the pointer is a finger (desktop
 * browsers have navigator.share too, but their readers expect a copied link); else to the clipboard.
 * A closed sheet counts as shared: the reader chose.
 */
export async function shareLink(share: { title: string; text: string; url: string }): Promise<ShareOutcome> {
  if (typeof navigator.share === 'function' && matchMedia('(pointer: coarse)').matches) {
    await navigator.share(share).catch(() => {});
    return 'shared';
  }
  return navigator.clipboard?.writeText(share.url).then(
    () => 'copied' as const,
    () => 'failed' as const,
  ) ?? 'failed';
}
