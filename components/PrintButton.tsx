'use client'

/** The browser's print dialog, with the report's print stylesheet: "Save as PDF" gives clean pages. */
export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()}>
      Download PDF
    </button>
  )
}
