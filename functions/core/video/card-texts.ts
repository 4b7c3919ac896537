/**
 * The assistant's video-call card in each language the embedded model answers in: the offer for a shopper
 * who asked for a call, the offer for a claim worth showing on camera, and the accept button's label.
 */
export interface VideoCardTexts {
  shopper_asked: string;
  claim_value: string;
  accept: string;
}

export const VIDEO_CARD_TEXTS = {
  en: {
    shopper_asked: 'You can show us on a live video call with a person from our team.',
    claim_value: 'A short video call lets a person from our team see the item and settle this with you now.',
    accept: 'Start a video call',
  },
  es: {
    shopper_asked: 'Puedes mostrárnoslo en una videollamada con una persona de nuestro equipo.',
    claim_value:
      'Con una breve videollamada, una persona de nuestro equipo puede ver el artículo y resolverlo contigo ahora.',
    accept: 'Iniciar videollamada',
  },
  fr: {
    shopper_asked: "Vous pouvez nous le montrer lors d'un appel vidéo avec une personne de notre équipe.",
    claim_value:
      "Un court appel vidéo permet à une personne de notre équipe de voir l'article et de régler cela avec vous maintenant.",
    accept: "Démarrer l'appel vidéo",
  },
  de: {
    shopper_asked: 'Sie können es uns in einem Videoanruf mit einer Person aus unserem Team zeigen.',
    claim_value:
      'In einem kurzen Videoanruf sieht sich eine Person aus unserem Team den Artikel an und klärt das gleich mit Ihnen.',
    accept: 'Videoanruf starten',
  },
  it: {
    shopper_asked: 'Puoi mostrarcelo in una videochiamata con una persona del nostro team.',
    claim_value:
      "Con una breve videochiamata una persona del nostro team può vedere l'articolo e risolvere subito con te.",
    accept: 'Avvia videochiamata',
  },
  pt: {
    shopper_asked: 'Você pode nos mostrar numa chamada de vídeo com uma pessoa da nossa equipe.',
    claim_value:
      'Uma breve chamada de vídeo permite que uma pessoa da nossa equipe veja o item e resolva isso com você agora.',
    accept: 'Iniciar chamada de vídeo',
  },
  nl: {
    shopper_asked: 'U kunt het ons laten zien in een videogesprek met iemand van ons team.',
    claim_value: 'In een kort videogesprek bekijkt iemand van ons team het artikel en lost dit nu met u op.',
    accept: 'Videogesprek starten',
  },
  pl: {
    shopper_asked: 'Możesz nam to pokazać podczas rozmowy wideo z osobą z naszego zespołu.',
    claim_value:
      'Krótka rozmowa wideo pozwoli osobie z naszego zespołu obejrzeć produkt i od razu to z Tobą załatwić.',
    accept: 'Rozpocznij rozmowę wideo',
  },
  ru: {
    shopper_asked: 'Вы можете показать это нам по видеосвязи сотруднику нашей команды.',
    claim_value:
      'Короткий видеозвонок позволит сотруднику нашей команды увидеть товар и решить вопрос с вами сразу.',
    accept: 'Начать видеозвонок',
  },
  tr: {
    shopper_asked: 'Ekibimizden biriyle görüntülü görüşmede bize gösterebilirsiniz.',
    claim_value: 'Kısa bir görüntülü görüşmeyle ekibimizden biri ürünü görüp bunu sizinle hemen çözebilir.',
    accept: 'Görüntülü görüşme başlat',
  },
  ar: {
    shopper_asked: 'يمكنك أن تُرينا ذلك في مكالمة فيديو مع أحد أفراد فريقنا.',
    claim_value: 'مكالمة فيديو قصيرة تتيح لأحد أفراد فريقنا رؤية المنتج وحل المسألة معك الآن.',
    accept: 'بدء مكالمة فيديو',
  },
  zh: {
    shopper_asked: '您可以通过视频通话向我们的工作人员展示。',
    claim_value: '通过简短的视频通话，我们的工作人员可以查看商品并当场为您解决。',
    accept: '开始视频通话',
  },
  ja: {
    shopper_asked: 'スタッフとのビデオ通話で見せていただけます。',
    claim_value: '短いビデオ通話でスタッフが商品を確認し、その場で対応いたします。',
    accept: 'ビデオ通話を開始',
  },
  ko: {
    shopper_asked: '저희 팀 직원과 영상 통화로 보여 주실 수 있습니다.',
    claim_value: '짧은 영상 통화로 저희 팀 직원이 상품을 확인하고 바로 해결해 드릴 수 있습니다.',
    accept: '영상 통화 시작',
  },
  id: {
    shopper_asked: 'Anda bisa menunjukkannya kepada tim kami lewat panggilan video.',
    claim_value:
      'Lewat panggilan video singkat, tim kami bisa melihat barangnya dan menyelesaikannya bersama Anda sekarang.',
    accept: 'Mulai panggilan video',
  },
  vi: {
    shopper_asked: 'Bạn có thể cho nhân viên của chúng tôi xem qua cuộc gọi video.',
    claim_value:
      'Một cuộc gọi video ngắn giúp nhân viên của chúng tôi xem sản phẩm và giải quyết ngay với bạn.',
    accept: 'Bắt đầu gọi video',
  },
  th: {
    shopper_asked: 'คุณสามารถแสดงให้ทีมงานของเราดูผ่านวิดีโอคอลได้',
    claim_value: 'วิดีโอคอลสั้นๆ ช่วยให้ทีมงานของเราเห็นสินค้าและแก้ไขเรื่องนี้กับคุณได้ทันที',
    accept: 'เริ่มวิดีโอคอล',
  },
} as const satisfies Record<string, VideoCardTexts>;

export type VideoCardLanguage = keyof typeof VIDEO_CARD_TEXTS;
