import type { SupportedLanguage } from '../nlu/languages';

/** What a shopper reads when their follow-up joined the case already open for the same problem. */
export const JOINED_CASE_TEXTS: Record<SupportedLanguage, string> = {
  en: "I've added this to your case {claimId}, which is already open for this problem; a person will reply here shortly.",
  de: 'Ich habe das zu Ihrem bereits offenen Fall {claimId} hinzugefügt; eine Person antwortet Ihnen hier in Kürze.',
  fr: 'J’ai ajouté ceci à votre dossier {claimId}, déjà ouvert pour ce problème ; une personne vous répondra ici très bientôt.',
  es: 'Lo he añadido a tu caso {claimId}, que ya está abierto por este problema; una persona te responderá aquí en breve.',
  it: 'L’ho aggiunto alla tua pratica {claimId}, già aperta per questo problema; una persona ti risponderà qui a breve.',
  pt: 'Adicionei isto ao seu caso {claimId}, que já está aberto para este problema; uma pessoa vai responder aqui em breve.',
  nl: 'Ik heb dit toegevoegd aan je zaak {claimId}, die al open staat voor dit probleem; iemand reageert hier binnenkort.',
  pl: 'Dodałem to do Twojej sprawy {claimId}, która jest już otwarta w tej kwestii; wkrótce odpowie tu konsultant.',
  ru: 'Я добавил это к вашему обращению {claimId}, уже открытому по этой проблеме; сотрудник скоро ответит здесь.',
  tr: 'Bunu bu sorun için zaten açık olan {claimId} numaralı talebinize ekledim; bir yetkili kısa süre içinde burada yanıt verecek.',
  ar: 'أضفت هذا إلى حالتك {claimId} المفتوحة بالفعل لهذه المشكلة؛ سيرد عليك أحد أفراد الفريق هنا قريبًا.',
  zh: '我已将此添加到您针对该问题已开启的案例 {claimId} 中，工作人员很快会在这里回复您。',
  ja: 'この問題ですでに開いているケース {claimId} に追加しました。担当者がまもなくここで返信します。',
  ko: '이 문제로 이미 열려 있는 케이스 {claimId}에 추가했습니다. 담당자가 곧 여기에서 답변드립니다.',
  id: 'Saya sudah menambahkan ini ke kasus Anda {claimId} yang sudah dibuka untuk masalah ini; petugas akan segera membalas di sini.',
  th: 'เพิ่มข้อมูลนี้ลงในเคส {claimId} ที่เปิดไว้แล้วสำหรับปัญหานี้ เจ้าหน้าที่จะตอบกลับที่นี่ในไม่ช้า',
  vi: 'Tôi đã thêm thông tin này vào hồ sơ {claimId} đang mở cho vấn đề này; nhân viên sẽ sớm trả lời tại đây.',
};
