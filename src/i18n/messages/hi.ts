/**
 * Hindi. Terms from the company's Hindi policy page ("ग्राहक जानकारी गोपनीयता"): "पहले सोचें" (Think First), ग्राहकों की
 * गोपनीय जानकारी, गोपनीयता नीति; आधार. Plurals (CLDR): one (0 and 1), other. Digits stay Western (as Outlook shows them).
 */
import type { Messages } from "./en";
import { plural, type Dir } from "./types";

export const hi = {
  meta: { name: "हिन्दी", dir: "ltr" as Dir },

  dialog: {
    heading: "पहले सोचें",
    intro: {
      block: "यह संदेश नहीं भेजा गया: इसमें ग्राहक जानकारी है जो इस तरह बाहर नहीं जा सकती।",
      warn: "इस संदेश में ग्राहक जानकारी हो सकती है। भेजने से पहले इसे जाँचें।",
      unscanned: "इस संदेश का कुछ हिस्सा ग्राहक जानकारी के लिए जाँचा नहीं जा सका।",
    },
    line: "{label}: {text}",
    foundLabel: "मिला",
    whereLabel: "कहाँ",
    whyLabel: "क्यों",
    whatLabel: "क्या करें",
    notCheckedLabel: "नहीं जाँचा गया",
    withExamples: "{item} ({examples})",
    listSeparator: ", ",
    moreSeparator: " ",
    more: plural({ one: "और {count} अन्य", other: "और {count} अन्य" }),
    addresses: plural({ one: "{count} पता", other: "{count} पते" }),
    where: {
      body: "संदेश का मुख्य भाग",
      subject: "विषय",
      attachment: "अनुलग्नक “{name}”",
    },
    why: "{title}: ग्राहक भरोसा करते हैं कि उनकी जानकारी केवल उसी उद्देश्य के लिए उपयोग होगी जिसके लिए उन्होंने इसे दिया।",
    whyShort: "{title}",
    sendAnyway: "यदि आप निश्चित हैं कि इसकी अनुमति है, तो आप फिर भी भेज सकते हैं।",
    unscannedItem: "{name} ({reason})",
  },

  unscannedReasons: {
    encrypted: "एन्क्रिप्टेड",
    "too-large": "बहुत बड़ा",
    unsupported: "असमर्थित प्रकार",
    corrupt: "पढ़ा नहीं जा सका",
    limit: "जाँच सीमा से अधिक",
    timeout: "समय समाप्त",
    unavailable: "उपलब्ध नहीं",
  },

  detectors: {
    custom: {
      name: "कस्टम पैटर्न {id}",
      count: plural({ one: "{id} का {count} मिलान", other: "{id} के {count} मिलान" }),
    },
  },

  advice: {
    "remove-or-mask": "नंबर हटाएँ या उन्हें छिपाएँ (केवल अंतिम अंक रहने दें)।",
    "move-to-bcc": "बाहरी प्राप्तकर्ताओं को गुप्त प्रतिलिपि (Bcc) में ले जाएँ ताकि वे एक-दूसरे को न देखें।",
    "dont-share-customer-list":
      "ग्राहक ईमेल पतों की सूची किसी सहकर्मी को भी न भेजें: ग्राहकों ने यह जानकारी केवल एक उद्देश्य के लिए दी है।",
    "check-unscanned": "भेजने से पहले उन हिस्सों को जाँचें जो पढ़े नहीं जा सके।",
    "remove-attachment": "अनुलग्नक हटाएँ, या इसे केवल उन्हीं से साझा करें जिन्हें इसकी ज़रूरत है।",
    default: "ग्राहक जानकारी हटाएँ, या इसे केवल उन अधिकृत लोगों से साझा करें जिन्हें इसकी ज़रूरत है।",
  },

  labels: {
    cancelLabel: "कार्रवाई करें",
    addinName: "पहले सोचें",
  },

  notifications: {
    block: "पहले सोचें: {found}। भेजते समय यह संदेश रोका जाएगा। अभी ठीक करें।",
    warn: "पहले सोचें: {found}। भेजने से पहले जाँचें।",
    unscanned: "पहले सोचें: {name} जाँचा नहीं जा सका ({reason})।",
    recipients: plural({
      one: "पहले सोचें: {count} बाहरी प्राप्तकर्ता दूसरों को देख सकता है। उसे गुप्त प्रतिलिपि (Bcc) में ले जाएँ।",
      other: "पहले सोचें: {count} बाहरी प्राप्तकर्ता एक-दूसरे को देख सकते हैं। उन्हें गुप्त प्रतिलिपि (Bcc) में ले जाएँ।",
    }),
  },

  manifest: {
    displayName: "पहले सोचें",
    description: "भेजने से पहले जाने वाले ईमेल में ग्राहक ईमेल पतों की सूचियाँ और संवेदनशील नंबर जाँचता है।",
    groupLabel: "पहले सोचें",
    paneButtonLabel: "पहले सोचें",
    paneButtonTooltip: "जाँचें कि इस संदेश में ग्राहक जानकारी तो नहीं है, और भेजने से पहले उसे ठीक करें।",
  },

  taskpane: {
    title: "पहले सोचें",
    intro: "इस संदेश में ग्राहक जानकारी है। इसे यहाँ ठीक करें, फिर दोबारा भेजें।",
    loading: "संदेश जाँचा जा रहा है…",
    noFindings: "कुछ भी संवेदनशील नहीं मिला। यह संदेश भेजने के लिए तैयार है।",
    sectionBody: "संदेश के मुख्य भाग में",
    sectionSubject: "विषय में",
    sectionAttachment: "अनुलग्नक “{name}” में",
    sectionRecipients: "प्राप्तकर्ता",
    sectionNotChecked: "जाँचा नहीं जा सका",
    policyHeading: "नीति",
    policyLink: "नीति पढ़ें: {title}",
    fixesHeading: "ठीक करें",
    moveToBcc: "बाहरी प्राप्तकर्ताओं को गुप्त प्रतिलिपि (Bcc) में ले जाएँ",
    maskBody: "मुख्य भाग में नंबर छिपाएँ",
    removeAttachment: "अनुलग्नक “{name}” हटाएँ",
    rescan: "फिर से जाँचें",
    working: "काम चल रहा है…",
    readyToSend: "भेजने के लिए तैयार",
    stillNeedsAttention: "अभी भी ध्यान देना ज़रूरी है",
    fixDone: "हो गया।",
    fixFailed: "यह नहीं हो सका: {error}",
    error: "संदेश जाँचा नहीं जा सका: {error}",
    confidence: { low: "कम विश्वास", medium: "मध्यम विश्वास", high: "उच्च विश्वास" },
  },

  justification: {
    codes: {
      "customer-consent": { label: "ग्राहक ने इसकी अनुमति दी है" },
      "business-need": { label: "यह काम के लिए ज़रूरी है" },
      "false-positive": { label: "यह संवेदनशील नहीं है (गलत चेतावनी)" },
      other: { label: "कोई और कारण" },
    },
    problems: {
      "unknown-code": "कोई एक कारण चुनें।",
      "text-required": "एक छोटा कारण लिखें।",
      "too-long": "कारण में अधिकतम {max} अक्षर हो सकते हैं।",
      identifier: "कारण में ग्राहक की जानकारी है ({found})। इसे हटाएँ।",
      "email-address": "कारण से ई-मेल पता (और @ चिह्न) हटाएँ।",
      "long-number": "कारण से लंबी संख्या हटाएँ (लगातार अधिकतम {max} अंक)। टिकट का नाम लिखें।",
      "masked-value": "छिपाया गया मान कारण में न लिखें।",
    },
  },

  simulator: {
    title: "पहले सोचें — संदेश लेखन सिम्युलेटर",
    explanation:
      "Outlook की तरह एक संदेश लिखें और भेजें दबाएँ। असली ऐड-इन इसे जाँचता है और दिखाता है कि Outlook क्या दिखाएगा।",
    to: "प्रति",
    cc: "प्रतिलिपि",
    bcc: "गुप्त प्रतिलिपि",
    subject: "विषय",
    body: "संदेश",
    attachments: "अनुलग्नक",
    dropFiles: "फ़ाइलें यहाँ छोड़ें या चुनें",
    removeFile: "हटाएँ",
    displayLanguage: "प्रदर्शन भाषा",
    send: "भेजें",
    sendAnyway: "फिर भी भेजें",
    dontSend: "न भेजें",
    takeAction: "कार्रवाई करें",
    messageSent: "संदेश भेजा गया",
    messageNotSent: "संदेश नहीं भेजा गया",
    checking: "जाँच हो रही है…",
    error: "कुछ गलत हो गया: {error}",
  },

  playground: {
    title: "पहले सोचें — नीति परीक्षण स्थल",
    explanation: "नीति चिपकाएँ या लोड करें, नमूना पाठ या फ़ाइलें डालें, और देखें कि ऐड-इन क्या निर्णय लेगा।",
    policy: "नीति",
    loadPolicy: "नीति फ़ाइल लोड करें",
    resetPolicy: "डिफ़ॉल्ट नीति",
    sampleText: "नमूना पाठ",
    dropFiles: "नमूना फ़ाइलें यहाँ छोड़ें",
    recipients: "प्राप्तकर्ता",
    findings: "निष्कर्ष",
    noFindings: "कोई निष्कर्ष नहीं",
    decision: "निर्णय",
    dialogPreview: "संवाद का पूर्वावलोकन",
    locale: "भाषा",
    allow: "अनुमति दें",
    warn: "चेतावनी दें",
    block: "रोकें",
    policyError: "नीति में त्रुटि: {error}",
    fileError: "{name} पढ़ा नहीं जा सका: {error}",
    detector: "डिटेक्टर",
    location: "स्थान",
    value: "मान (छिपा हुआ)",
    confidence: "विश्वास",
    rules: "लागू हुए नियम",
  },
} satisfies Messages;
