/** The team pack the managed-policy tests deliver (Chromium: simulated area; Firefox: a real managed-storage manifest). */
export const TEAM_PACK = {
  schemaVersion: 1,
  name: 'Acme support',
  version: '3.1.0',
  rules: [
    {
      id: 'acme-cheers-mate',
      category: 'lecturing',
      severity: 'warning',
      message: 'Too casual for a customer email.',
      patterns: ['cheers mate'],
      suggestions: [{ template: 'Thanks' }],
      examples: { flags: ['Cheers mate.', 'Thanks, cheers mate!'], allows: ['Thanks.', 'Cheers.'] },
    },
  ],
};
