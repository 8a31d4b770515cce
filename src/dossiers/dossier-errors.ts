export class DossierNotFoundError extends Error {
  constructor(readonly code: string) {
    super(`dossier not found: ${code}`);
    this.name = 'DossierNotFoundError';
  }
}
