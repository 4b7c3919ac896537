import type { ReplyTexts } from './types';

export const KO: ReplyTexts = {
  orderStatus: {
    pending: '접수되어 확인을 기다리는 중',
    paid: '결제 완료, 상품 준비 대기 중',
    processing: '상품 준비 중',
    shipped: '발송 완료',
    delivered: '배송 완료',
    cancelled: '취소됨',
    returned: '반품됨',
  },
  shipmentStatus: {
    label_created: '포장 완료, 택배사 집하 대기 중',
    in_transit: '배송 중',
    out_for_delivery: '배송 출발',
    delivered: '배송 완료',
    exception: '배송 문제로 지연 중',
    customs_hold: '통관 보류 중',
    returned: '저희에게 반송 중',
  },
  orderSummary: '주문 {orderId}({items}) 상태: {status}.',
  notShippedYet: '아직 발송되지 않았습니다.',
  carrier: '택배사: {carrier}, 운송장 번호 {trackingNumber}.',
  lastEvent: '최근 업데이트, {date} {location}: {description}.',
  lastEventNoLocation: '최근 업데이트, {date}: {description}.',
  estimatedDelivery: '도착 예정일: {date}.',
  chooseOrder: '고객님 계정에서 최근 주문 {count}건을 찾았습니다. 어느 주문을 말씀하시는 건가요?',
  orderLine: '• {orderId} ({date}): {items}',
  noOrders:
    '고객님 계정에서 주문을 찾지 못했습니다. 다른 이메일 주소로 주문하셨다면 저희 팀 직원이 찾아 드릴 수 있습니다.',
  orderNotFound:
    '고객님 계정에서 해당 주문을 찾지 못했습니다. 주문번호를 확인해 주시거나, 원하시면 저희 팀 직원에게 도움을 요청해 드릴게요.',
  askOrderNumber: '주문번호를 알려 주시겠어요? 주문 확인 이메일에서 찾으실 수 있습니다.',
  greeting:
    '안녕하세요! 쇼핑몰 도우미입니다. 주문 배송 상황을 알려 드리거나 저희 팀 직원을 연결해 드릴 수 있어요. 무엇을 도와드릴까요?',
  thanks: '천만에요! 더 도와드릴 일이 있을까요?',
  outOfScope: '여기서는 주문 관련 문의를 도와드려요: 배송, 반품, 교환, 사이즈, 상품. 무엇을 도와드릴까요?',
  handoff: '물론입니다. 저희 팀 직원에게 이 채팅에 참여해 달라고 요청했어요. 곧 여기서 답변드릴 거예요.',
  videoCall: '네. 저희 팀 직원에게 참여를 요청했어요. 이 채팅에서 바로 영상 통화를 시작할 수 있어요.',
  teamWillHelp:
    '감사합니다, 내용을 기록했어요. 저희 팀 직원이 곧 여기서 도와드릴 거예요. 그동안 주문 배송 상황을 알려 드릴 수 있어요.',
  unsure:
    '제가 제대로 이해했는지 잘 모르겠어요. 저희 팀 직원에게 도움을 요청했으니 곧 여기서 답변드릴 거예요.',
  itemSize: '사이즈 {size}',
  listSeparator: ', ',
};
