// Generated from the core (src/contract.rs) by src-tauri/src/commands/contract.rs; do not edit.
// `CSR_WRITE_CONTRACT=1 cargo test -p csr-self-assessment-app --bin csr-self-assessment contract`
// writes it anew; the same test fails while it differs from the core.
export const CONTRACT = Object.freeze({
  "ratings": [
    "full",
    "mostly",
    "partly",
    "not_yet",
    "not_applicable"
  ],
  "gap_ratings": [
    "mostly",
    "partly",
    "not_yet"
  ],
  "statuses": [
    "draft",
    "ready",
    "submitted"
  ],
  "cascades": [
    "done",
    "partly",
    "not_yet",
    "no_upstream"
  ],
  "error_kinds": [
    "not_a_database",
    "foreign_database",
    "corrupt_database",
    "newer_database",
    "disk_full",
    "file_disk_full",
    "no_data_folder",
    "busy",
    "read_only",
    "storage",
    "io",
    "not_found",
    "invalid",
    "import",
    "import_damaged",
    "import_not_assessment",
    "newer_format",
    "not_ready",
    "font",
    "pdf",
    "workbook",
    "conflict",
    "file_in_use",
    "feedback_damaged",
    "feedback_not_feedback",
    "feedback",
    "unverified_submission",
    "feedback_other_supplier",
    "feedback_unknown_submission",
    "feedback_already_opened",
    "feedback_workbook",
    "opener",
    "pdf_missing",
    "no_mail_program",
    "internal"
  ],
  "profile_fields": [
    {
      "name": "legal_name",
      "max_chars": 300,
      "required": true,
      "format": null
    },
    {
      "name": "name_latin",
      "max_chars": 300,
      "required": false,
      "format": null
    },
    {
      "name": "address",
      "max_chars": 4000,
      "required": true,
      "format": null
    },
    {
      "name": "country",
      "max_chars": 300,
      "required": true,
      "format": null
    },
    {
      "name": "representative",
      "max_chars": 300,
      "required": true,
      "format": null
    },
    {
      "name": "contact_name",
      "max_chars": 300,
      "required": true,
      "format": null
    },
    {
      "name": "contact_email",
      "max_chars": 300,
      "required": true,
      "format": "email"
    },
    {
      "name": "contact_phone",
      "max_chars": 300,
      "required": true,
      "format": "phone"
    },
    {
      "name": "supplier_code",
      "max_chars": 300,
      "required": false,
      "format": null
    },
    {
      "name": "nec_contact_name",
      "max_chars": 300,
      "required": false,
      "format": null
    },
    {
      "name": "nec_contact_email",
      "max_chars": 300,
      "required": false,
      "format": "email"
    },
    {
      "name": "products",
      "max_chars": 4000,
      "required": false,
      "format": null
    },
    {
      "name": "sites",
      "max_chars": 4000,
      "required": false,
      "format": null
    },
    {
      "name": "employees",
      "max_chars": null,
      "required": false,
      "format": null
    }
  ],
  "max_employees": 10000000
});
export default CONTRACT;
