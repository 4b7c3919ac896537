import type { ReplyTexts } from './types';

export const PT: ReplyTexts = {
  orderStatus: {
    pending: 'recebido e aguardando confirmação',
    paid: 'pago e aguardando separação',
    processing: 'em separação',
    shipped: 'enviado',
    delivered: 'entregue',
    cancelled: 'cancelado',
    returned: 'devolvido',
  },
  shipmentStatus: {
    label_created: 'embalado e aguardando a coleta da transportadora',
    in_transit: 'a caminho',
    out_for_delivery: 'saiu para entrega',
    delivered: 'entregue',
    exception: 'atrasado por um problema na entrega',
    customs_hold: 'retido na alfândega',
    returned: 'voltando para nós',
  },
  orderSummary: 'Seu pedido {orderId} ({items}): {status}.',
  notShippedYet: 'Ele ainda não foi enviado.',
  carrier: 'Transportadora: {carrier}, código de rastreio {trackingNumber}.',
  lastEvent: 'Última atualização, {date} em {location}: {description}.',
  lastEventNoLocation: 'Última atualização, {date}: {description}.',
  estimatedDelivery: 'Previsão de entrega: {date}.',
  chooseOrder: 'Encontrei {count} pedidos recentes na sua conta. Qual deles você quer dizer?',
  orderLine: '• {orderId} ({date}): {items}',
  noOrders:
    'Não encontrei pedidos na sua conta. Se você comprou com outro e-mail, uma pessoa da nossa equipe pode procurar para você.',
  orderNotFound:
    'Não encontrei esse pedido na sua conta. Confira o número do pedido, ou posso pedir ajuda a uma pessoa da nossa equipe.',
  askOrderNumber: 'Pode me enviar o número do pedido? Ele está no e-mail de confirmação do pedido.',
  greeting:
    'Olá! Sou o assistente da loja. Posso dizer onde está seu pedido ou chamar uma pessoa da nossa equipe. Como posso ajudar?',
  thanks: 'De nada! Posso ajudar com mais alguma coisa?',
  outOfScope:
    'Aqui posso ajudar com seus pedidos: entregas, devoluções, trocas, tamanhos e produtos. Em que posso ajudar?',
  handoff:
    'Claro. Estou pedindo para uma pessoa da nossa equipe entrar no chat; ela vai responder aqui em breve.',
  videoCall:
    'Claro. Estou pedindo para uma pessoa da nossa equipe entrar; ela pode iniciar uma chamada de vídeo com você aqui mesmo no chat.',
  teamWillHelp:
    'Obrigado, anotei. Uma pessoa da nossa equipe vai ajudar você aqui em breve. Enquanto isso, posso dizer onde está seu pedido.',
  unsure:
    'Não tenho certeza se entendi. Estou pedindo ajuda a uma pessoa da nossa equipe; ela vai responder aqui em breve.',
  itemSize: 'tamanho {size}',
  listSeparator: ', ',
};
