import type { ReplyTexts } from './types';

export const JA: ReplyTexts = {
  orderStatus: {
    pending: '受付済み・確認待ち',
    paid: 'お支払い済み・準備待ち',
    processing: '準備中',
    shipped: '発送済み',
    delivered: 'お届け済み',
    cancelled: 'キャンセル済み',
    returned: '返品済み',
  },
  shipmentStatus: {
    label_created: '梱包済み・配送業者の集荷待ち',
    in_transit: '輸送中',
    out_for_delivery: '配達中',
    delivered: 'お届け済み',
    exception: '配送トラブルにより遅延中',
    customs_hold: '税関で保留中',
    returned: '当店へ返送中',
  },
  orderSummary: 'ご注文 {orderId}（{items}）の状況：{status}。',
  notShippedYet: 'まだ発送されていません。',
  carrier: '配送業者：{carrier}、追跡番号 {trackingNumber}。',
  lastEvent: '最新の更新（{date}、{location}）：{description}。',
  lastEventNoLocation: '最新の更新（{date}）：{description}。',
  estimatedDelivery: 'お届け予定日：{date}。',
  chooseOrder: 'お客様のアカウントに最近のご注文が {count} 件あります。どちらのご注文でしょうか？',
  orderLine: '• {orderId}（{date}）：{items}',
  noOrders:
    'お客様のアカウントにご注文が見つかりませんでした。別のメールアドレスでご注文の場合は、スタッフがお調べします。',
  orderNotFound:
    'お客様のアカウントでそのご注文が見つかりませんでした。注文番号をご確認いただくか、スタッフにおつなぎします。',
  askOrderNumber: '注文番号を教えていただけますか？ご注文確認メールに記載されています。',
  greeting:
    'こんにちは！ショップのアシスタントです。ご注文の配送状況をお調べしたり、スタッフにおつなぎしたりできます。ご用件をどうぞ。',
  thanks: 'どういたしまして！ほかにお手伝いできることはありますか？',
  outOfScope:
    'こちらではご注文に関するご案内ができます：配送、返品、交換、サイズ、商品について。何をお手伝いしましょうか？',
  handoff: 'かしこまりました。スタッフにこのチャットへの参加を依頼しました。まもなくこちらでお返事します。',
  videoCall: 'かしこまりました。スタッフに参加を依頼しました。このチャットから直接ビデオ通話を始められます。',
  teamWillHelp:
    'ありがとうございます。内容を記録しました。まもなくスタッフがこちらでご対応します。その間、ご注文の配送状況をお調べできます。',
  unsure:
    '正しく理解できたか自信がありません。スタッフに対応を依頼しましたので、まもなくこちらでお返事します。',
  itemSize: 'サイズ {size}',
  listSeparator: '、',
};
