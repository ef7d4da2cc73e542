// Ribbon commands entry (placeholder until the commands land).
export {};
