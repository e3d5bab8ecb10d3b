/**
 * Urdu (right-to-left). Terms from the company's Urdu policy page ("گاہک کے ڈیٹا کی رازداری"): "پہلے سوچیں" (Think First),
 * گاہکوں کی رازدارانہ معلومات, رازداری کی پالیسی; شناختی کارڈ. Plurals: one (1), other. Latin fragments that come from
 * outside (masked numbers, file names, addresses) are wrapped in Unicode isolates by the renderer, not here.
 */
import type { Messages } from "./en";
import { plural, type Dir } from "./types";

export const ur = {
  meta: { name: "اردو", dir: "rtl" as Dir },

  dialog: {
    heading: "پہلے سوچیں",
    intro: {
      block: "یہ پیغام نہیں بھیجا گیا: اس میں گاہکوں کی معلومات ہیں جو اس طرح باہر نہیں جا سکتیں۔",
      warn: "اس پیغام میں گاہکوں کی معلومات ہو سکتی ہیں۔ بھیجنے سے پہلے اسے جانچ لیں۔",
      unscanned: "اس پیغام کا کچھ حصہ گاہکوں کی معلومات کے لیے جانچا نہیں جا سکا۔",
    },
    line: "{label}: {text}",
    foundLabel: "ملا",
    whereLabel: "کہاں",
    whyLabel: "کیوں",
    whatLabel: "کیا کریں",
    notCheckedLabel: "جانچا نہیں گیا",
    withExamples: "{item} ({examples})",
    listSeparator: "، ",
    moreSeparator: " ",
    more: plural({ one: "اور {count} مزید", other: "اور {count} مزید" }),
    addresses: plural({ one: "{count} پتا", other: "{count} پتے" }),
    where: {
      body: "پیغام کا متن",
      subject: "عنوان",
      attachment: "منسلکہ “{name}”",
    },
    why: "{title}: گاہک ہم پر اعتبار کرتے ہیں کہ ان کی معلومات صرف اسی مقصد کے لیے استعمال ہوں گی جس کے لیے انہوں نے دی ہیں۔",
    whyShort: "{title}",
    sendAnyway: "اگر آپ کو یقین ہے کہ اس کی اجازت ہے تو آپ پھر بھی بھیج سکتے ہیں۔",
    unscannedItem: "{name} ({reason})",
  },

  unscannedReasons: {
    encrypted: "خفیہ کردہ",
    "too-large": "بہت بڑا",
    unsupported: "غیر معاون قسم",
    corrupt: "پڑھا نہیں جا سکا",
    limit: "جانچ کی حد سے زیادہ",
    timeout: "وقت ختم ہو گیا",
    unavailable: "دستیاب نہیں",
  },

  detectors: {
    custom: {
      name: "حسب ضرورت پیٹرن {id}",
      count: plural({ one: "{id} کی {count} مماثلت", other: "{id} کی {count} مماثلتیں" }),
    },
  },

  advice: {
    "remove-or-mask": "نمبر ہٹا دیں یا انہیں چھپا دیں (صرف آخری ہندسے رہنے دیں)۔",
    "move-to-bcc": "بیرونی وصول کنندگان کو خفیہ نقل (Bcc) میں منتقل کریں تاکہ وہ ایک دوسرے کو نہ دیکھ سکیں۔",
    "dont-share-customer-list":
      "گاہکوں کے ای میل پتوں کی فہرست کسی ساتھی کو بھی نہ بھیجیں: گاہکوں نے یہ معلومات صرف ایک مقصد کے لیے دی ہیں۔",
    "check-unscanned": "بھیجنے سے پہلے وہ حصے جانچ لیں جو پڑھے نہیں جا سکے۔",
    "remove-attachment": "منسلکہ ہٹا دیں، یا اسے صرف انہی سے شیئر کریں جنہیں اس کی ضرورت ہے۔",
    default: "گاہکوں کی معلومات ہٹا دیں، یا صرف ان مجاز لوگوں سے شیئر کریں جنہیں اس کی ضرورت ہے۔",
  },

  labels: {
    cancelLabel: "کارروائی کریں",
    addinName: "پہلے سوچیں",
  },

  notifications: {
    block: "پہلے سوچیں: {found}۔ بھیجتے وقت یہ پیغام روک دیا جائے گا۔ ابھی درست کریں۔",
    warn: "پہلے سوچیں: {found}۔ بھیجنے سے پہلے جانچ لیں۔",
    unscanned: "پہلے سوچیں: {name} جانچا نہیں جا سکا ({reason})۔",
    recipients: plural({
      one: "پہلے سوچیں: {count} بیرونی وصول کنندہ دوسروں کو دیکھ سکتا ہے۔ اسے خفیہ نقل (Bcc) میں منتقل کریں۔",
      other: "پہلے سوچیں: {count} بیرونی وصول کنندگان ایک دوسرے کو دیکھ سکتے ہیں۔ انہیں خفیہ نقل (Bcc) میں منتقل کریں۔",
    }),
  },

  manifest: {
    displayName: "پہلے سوچیں",
    description: "بھیجنے سے پہلے جانے والی ای میل میں گاہکوں کے ای میل پتوں کی فہرستیں اور حساس نمبر جانچتا ہے۔",
    groupLabel: "پہلے سوچیں",
    paneButtonLabel: "پہلے سوچیں",
    paneButtonTooltip: "جانچیں کہ اس پیغام میں گاہکوں کی معلومات تو نہیں، اور بھیجنے سے پہلے اسے درست کریں۔",
  },

  taskpane: {
    title: "پہلے سوچیں",
    intro: "اس پیغام میں گاہکوں کی معلومات ہیں۔ اسے یہاں درست کریں، پھر دوبارہ بھیجیں۔",
    loading: "پیغام جانچا جا رہا ہے…",
    noFindings: "کوئی حساس چیز نہیں ملی۔ یہ پیغام بھیجنے کے لیے تیار ہے۔",
    sectionBody: "پیغام کے متن میں",
    sectionSubject: "عنوان میں",
    sectionAttachment: "منسلکہ “{name}” میں",
    sectionRecipients: "وصول کنندگان",
    sectionNotChecked: "جانچا نہیں جا سکا",
    policyHeading: "پالیسی",
    policyLink: "پالیسی پڑھیں: {title}",
    fixesHeading: "درست کریں",
    moveToBcc: "بیرونی وصول کنندگان کو خفیہ نقل (Bcc) میں منتقل کریں",
    maskBody: "متن میں نمبر چھپائیں",
    removeAttachment: "منسلکہ “{name}” ہٹائیں",
    rescan: "دوبارہ جانچیں",
    working: "کام جاری ہے…",
    readyToSend: "بھیجنے کے لیے تیار",
    stillNeedsAttention: "ابھی بھی توجہ درکار ہے",
    fixDone: "ہو گیا۔",
    fixFailed: "یہ نہیں ہو سکا: {error}",
    error: "پیغام جانچا نہیں جا سکا: {error}",
    confidence: { low: "کم یقین", medium: "درمیانہ یقین", high: "زیادہ یقین" },
  },

  justification: {
    codes: {
      "customer-consent": { label: "گاہک نے اس کی اجازت دی ہے" },
      "business-need": { label: "یہ کام کے لیے ضروری ہے" },
      "false-positive": { label: "یہ حساس نہیں ہے (غلط انتباہ)" },
      other: { label: "کوئی اور وجہ" },
    },
    problems: {
      "unknown-code": "کوئی ایک وجہ منتخب کریں۔",
      "text-required": "ایک مختصر وجہ لکھیں۔",
      "too-long": "وجہ میں زیادہ سے زیادہ {max} حروف ہو سکتے ہیں۔",
      identifier: "وجہ میں گاہک کا ڈیٹا ہے ({found})۔ اسے ہٹائیں۔",
      "email-address": "وجہ سے ای میل پتہ (اور @ کا نشان) ہٹائیں۔",
      "long-number": "وجہ سے لمبا نمبر ہٹائیں (لگاتار زیادہ سے زیادہ {max} ہندسے)۔ ٹکٹ کا نام لکھیں۔",
      "masked-value": "چھپائی گئی قدر وجہ میں نہ لکھیں۔",
    },
  },

  simulator: {
    title: "پہلے سوچیں — پیغام لکھنے کا سمیولیٹر",
    explanation:
      "Outlook کی طرح پیغام لکھیں اور بھیجیں دبائیں۔ اصل ایڈ اِن اسے جانچتا ہے اور دکھاتا ہے کہ Outlook کیا دکھائے گا۔",
    to: "بنام",
    cc: "نقل",
    bcc: "خفیہ نقل",
    subject: "عنوان",
    body: "پیغام",
    attachments: "منسلکات",
    dropFiles: "فائلیں یہاں چھوڑیں یا منتخب کریں",
    removeFile: "ہٹائیں",
    displayLanguage: "ڈسپلے کی زبان",
    send: "بھیجیں",
    sendAnyway: "پھر بھی بھیجیں",
    dontSend: "نہ بھیجیں",
    takeAction: "کارروائی کریں",
    messageSent: "پیغام بھیج دیا گیا",
    messageNotSent: "پیغام نہیں بھیجا گیا",
    checking: "جانچ جاری ہے…",
    error: "کچھ غلط ہو گیا: {error}",
  },

  playground: {
    title: "پہلے سوچیں — پالیسی کی آزمائش گاہ",
    explanation: "پالیسی چسپاں یا لوڈ کریں، نمونہ متن یا فائلیں ڈالیں، اور دیکھیں کہ ایڈ اِن کیا فیصلہ کرے گا۔",
    policy: "پالیسی",
    loadPolicy: "پالیسی فائل لوڈ کریں",
    resetPolicy: "طے شدہ پالیسی",
    sampleText: "نمونہ متن",
    dropFiles: "نمونہ فائلیں یہاں چھوڑیں",
    recipients: "وصول کنندگان",
    findings: "نتائج",
    noFindings: "کوئی نتیجہ نہیں",
    decision: "فیصلہ",
    dialogPreview: "ڈائیلاگ کا پیش منظر",
    locale: "زبان",
    allow: "اجازت دیں",
    warn: "انتباہ کریں",
    block: "روکیں",
    policyError: "پالیسی میں خرابی: {error}",
    fileError: "{name} پڑھی نہیں جا سکی: {error}",
    detector: "ڈیٹیکٹر",
    location: "مقام",
    value: "قدر (چھپی ہوئی)",
    confidence: "یقین",
    rules: "لاگو ہونے والے قواعد",
  },
} satisfies Messages;
