/** An error whose message is written for the user and can be shown as it is. */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly code: string = "UserFacing",
  ) {
    super(message);
    this.name = "UserFacingError";
  }
}

/** Raised when the user cancels a long action; the action has undone its partial work. */
export class CancelledError extends UserFacingError {
  constructor(message = "Cancelled. The sheet is as it was before.") {
    super(message, "Cancelled");
    this.name = "CancelledError";
  }
}

const MESSAGES_BY_CODE: Record<string, string> = {
  AccessDenied:
    "Excel refused the change: the sheet or workbook is protected. Unprotect it (Review > Unprotect Sheet) and try again.",
  InvalidOperationInCellEditMode:
    "Excel is editing a cell. Press Enter or Esc to finish editing, then try again.",
  EditModeCannotAcquireLock: "Excel is editing a cell. Press Enter or Esc to finish editing, then try again.",
  RequestPayloadSizeLimitExceeded:
    "Excel rejected a request as too large. Nothing more was changed; please report this with the report's size.",
  ResponsePayloadSizeLimitExceeded:
    "Excel could not send that much data at once. Nothing more was changed; please report this with the report's size.",
  ApiNotFound: "This version of Excel does not support that feature. Microsoft 365 or Excel on the web does.",
  ActivityLimitReached: "Excel is busy. Wait a moment and try again.",
  Conflict: "Someone else changed the workbook at the same time. Try again.",
  ItemNotFound: "Something the add-in expected (a sheet, table or range) is no longer in the workbook.",
  ItemAlreadyExists: "An item with that name already exists in the workbook.",
  InsufficientPermission: "You don't have permission to change this workbook.",
};

export function errorCode(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "code" in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === "string" ? code : undefined;
  }
  return undefined;
}

/** Turns anything thrown by Excel or the add-in into a sentence a sales-ops analyst understands. */
export function toUserMessage(error: unknown): string {
  if (error instanceof UserFacingError) return error.message;
  const code = errorCode(error);
  if (code && MESSAGES_BY_CODE[code]) return MESSAGES_BY_CODE[code];
  const detail = error instanceof Error ? error.message : String(error);
  return `Excel reported a problem${code ? ` (${code})` : ""}: ${detail}`;
}
