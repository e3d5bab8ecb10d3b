/**
 * PLACEHOLDER (foundation): completes every send with allowEvent true. The Outlook issue replaces this with the real
 * read → extract → scan → decide → render handler.
 */
export function onMessageSendHandler(event: Office.AddinCommands.Event): void {
  event.completed({ allowEvent: true });
}

export function onMessageAttachmentsChangedHandler(event: Office.AddinCommands.Event): void {
  event.completed();
}

export function onMessageRecipientsChangedHandler(event: Office.AddinCommands.Event): void {
  event.completed();
}
