/** Where the shopper-token signing secret comes from: Secrets Manager in the cloud, a file locally. */
export interface SigningSecretSource {
  getSigningSecret(): Promise<Uint8Array>;
}
