import type { CannedReply } from './agent-protocol';

/**
 * The demo store's canned replies, per language: the seller writes their own under CONFIG#cannedReplies
 * (docs/console.md). They need no model, so they work the same locally and in AWS.
 */
export const DEMO_CANNED_REPLIES: readonly CannedReply[] = [
  {
    id: 'look-into-it',
    language: 'en',
    title: 'Looking into it',
    text: 'Thank you for waiting. I am looking into your order now and will reply in a few minutes.',
  },
  {
    id: 'refund-approved',
    language: 'en',
    title: 'Refund approved',
    text: 'Your refund has been approved. You will see it on your original payment method within 5 business days.',
  },
  {
    id: 'send-photo',
    language: 'en',
    title: 'Ask for a photo',
    text: 'Could you send a photo of the item and its label here? It helps us solve this faster.',
  },
  {
    id: 'look-into-it',
    language: 'es',
    title: 'Lo estoy revisando',
    text: 'Gracias por esperar. Estoy revisando tu pedido ahora y te respondo en unos minutos.',
  },
  {
    id: 'refund-approved',
    language: 'es',
    title: 'Reembolso aprobado',
    text: 'Tu reembolso ha sido aprobado. Lo verás en tu método de pago original en un plazo de 5 días hábiles.',
  },
  {
    id: 'send-photo',
    language: 'es',
    title: 'Pedir una foto',
    text: '¿Podrías enviarnos aquí una foto del artículo y de su etiqueta? Nos ayuda a resolverlo más rápido.',
  },
  {
    id: 'look-into-it',
    language: 'fr',
    title: 'Je regarde',
    text: 'Merci de votre patience. Je vérifie votre commande et je vous réponds dans quelques minutes.',
  },
  {
    id: 'refund-approved',
    language: 'fr',
    title: 'Remboursement accepté',
    text: 'Votre remboursement est accepté. Il apparaîtra sur votre moyen de paiement d’origine sous 5 jours ouvrés.',
  },
  {
    id: 'send-photo',
    language: 'fr',
    title: 'Demander une photo',
    text: 'Pourriez-vous envoyer ici une photo de l’article et de son étiquette ? Cela nous aide à régler le problème plus vite.',
  },
  {
    id: 'look-into-it',
    language: 'de',
    title: 'Ich prüfe das',
    text: 'Danke für Ihre Geduld. Ich prüfe Ihre Bestellung und melde mich in wenigen Minuten.',
  },
  {
    id: 'refund-approved',
    language: 'de',
    title: 'Erstattung genehmigt',
    text: 'Ihre Erstattung wurde genehmigt. Sie erhalten sie innerhalb von 5 Werktagen auf Ihr ursprüngliches Zahlungsmittel.',
  },
  {
    id: 'look-into-it',
    language: 'ar',
    title: 'أتحقق من الأمر',
    text: 'شكرًا على انتظارك. أتحقق من طلبك الآن وسأرد عليك خلال دقائق.',
  },
  {
    id: 'refund-approved',
    language: 'ar',
    title: 'تمت الموافقة على الاسترداد',
    text: 'تمت الموافقة على استرداد المبلغ. سيظهر في وسيلة الدفع الأصلية خلال 5 أيام عمل.',
  },
  {
    id: 'look-into-it',
    language: 'zh',
    title: '正在处理',
    text: '感谢您的耐心等待。我正在查看您的订单，几分钟内回复您。',
  },
  {
    id: 'refund-approved',
    language: 'zh',
    title: '退款已批准',
    text: '您的退款已批准，将在 5 个工作日内退回原支付方式。',
  },
  {
    id: 'look-into-it',
    language: 'ko',
    title: '확인 중',
    text: '기다려 주셔서 감사합니다. 지금 주문을 확인하고 있으며 몇 분 안에 답변드리겠습니다.',
  },
];
