import type { ReplyTexts } from './types';

export const ID: ReplyTexts = {
  orderStatus: {
    pending: 'diterima dan menunggu konfirmasi',
    paid: 'sudah dibayar dan menunggu diproses',
    processing: 'sedang diproses',
    shipped: 'sudah dikirim',
    delivered: 'sudah diterima',
    cancelled: 'dibatalkan',
    returned: 'dikembalikan',
  },
  shipmentStatus: {
    label_created: 'sudah dikemas dan menunggu dijemput kurir',
    in_transit: 'dalam perjalanan',
    out_for_delivery: 'sedang diantar kurir',
    delivered: 'sudah diterima',
    exception: 'tertunda karena kendala pengiriman',
    customs_hold: 'tertahan di bea cukai',
    returned: 'dalam perjalanan kembali ke kami',
  },
  orderSummary: 'Pesanan Anda {orderId} ({items}) {status}.',
  notShippedYet: 'Pesanan belum dikirim.',
  carrier: 'Kurir: {carrier}, nomor resi {trackingNumber}.',
  lastEvent: 'Pembaruan terakhir, {date} di {location}: {description}.',
  lastEventNoLocation: 'Pembaruan terakhir, {date}: {description}.',
  estimatedDelivery: 'Perkiraan tiba: {date}.',
  chooseOrder: 'Saya menemukan {count} pesanan terbaru di akun Anda. Pesanan yang mana yang Anda maksud?',
  orderLine: '• {orderId} ({date}): {items}',
  noOrders:
    'Saya tidak menemukan pesanan di akun Anda. Jika Anda memesan dengan email lain, tim kami bisa membantu mencarinya.',
  orderNotFound:
    'Saya tidak menemukan pesanan itu di akun Anda. Silakan periksa nomor pesanan, atau saya bisa meminta bantuan tim kami.',
  askOrderNumber: 'Boleh kirimkan nomor pesanan Anda? Nomornya ada di email konfirmasi pesanan.',
  greeting:
    'Halo! Saya asisten toko. Saya bisa memberi tahu posisi pesanan Anda atau memanggil tim kami. Ada yang bisa saya bantu?',
  thanks: 'Sama-sama! Ada lagi yang bisa saya bantu?',
  outOfScope:
    'Di sini saya bisa membantu soal pesanan: pengiriman, retur, penukaran, ukuran, dan produk. Ada yang bisa saya bantu?',
  handoff: 'Tentu. Saya meminta anggota tim kami bergabung di chat ini; mereka akan segera membalas di sini.',
  videoCall:
    'Tentu. Saya meminta anggota tim kami bergabung; mereka bisa memulai video call dengan Anda langsung di chat ini.',
  teamWillHelp:
    'Terima kasih, sudah saya catat. Anggota tim kami akan segera membantu Anda di sini. Sementara itu, saya bisa memberi tahu posisi pesanan Anda.',
  unsure:
    'Saya kurang yakin memahami maksud Anda. Saya meminta bantuan anggota tim kami; mereka akan segera membalas di sini.',
  itemSize: 'ukuran {size}',
  listSeparator: ', ',
};
