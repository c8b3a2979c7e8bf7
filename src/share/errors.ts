// Why a link could not be opened, in words a reader of the error view understands.

export type ShareErrorCode = 'codec' | 'too-large' | 'corrupt' | 'invalid' | 'newer'

export class ShareLinkError extends Error {
  constructor(readonly code: ShareErrorCode, message: string) {
    super(message)
    this.name = 'ShareLinkError'
  }
}
