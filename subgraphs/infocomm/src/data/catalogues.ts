/** The catalogues of information and communications (GraphQL enums in schema.graphql; values kept in step). */
export const OUTLET_KINDS = {
  PRESS: 'báo chí',
  RADIO_TELEVISION: 'phát thanh, truyền hình',
  GRASSROOTS_LOUDSPEAKER: 'đài truyền thanh cơ sở',
  INFORMATION_BOARD: 'bảng tin công cộng',
  SOCIAL_MEDIA: 'mạng xã hội, cổng thông tin',
} as const;
export type OutletKind = keyof typeof OUTLET_KINDS;

export const ONLINE_CRIME_CHANNELS = {
  SOCIAL_NETWORK: 'mạng xã hội',
  PHONE_CALL: 'cuộc gọi điện thoại',
  TEXT_MESSAGE: 'tin nhắn',
  WEBSITE_OR_APP: 'trang web, ứng dụng',
} as const;
export type OnlineCrimeChannel = keyof typeof ONLINE_CRIME_CHANNELS;
