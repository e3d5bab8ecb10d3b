/**
 * Entry of launchevent.js, the event runtime. Classic Outlook on Windows runs this file alone in its JavaScript-only
 * runtime (no DOM, no Office.onReady), so it only registers the handlers at top level; nothing else runs on load.
 * The names must match FunctionName in manifest.xml (a test checks that).
 */
import { onMessageAttachmentsChangedHandler, onMessageRecipientsChangedHandler, onMessageSendHandler } from "./on-message-send";

Office.actions.associate("onMessageSendHandler", onMessageSendHandler);
Office.actions.associate("onMessageAttachmentsChangedHandler", onMessageAttachmentsChangedHandler);
Office.actions.associate("onMessageRecipientsChangedHandler", onMessageRecipientsChangedHandler);
