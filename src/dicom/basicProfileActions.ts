/**
 * The DICOM PS3.15 Annex E Basic Application Level Confidentiality Profile (Table E.1-1, Basic
 * Profile column) as medstego applies it to CT and MR images, with no option retained.
 *
 * Where the table allows several actions (X/Z, X/Z/D, Z/D, ...), the one chosen is the least
 * revealing that keeps a CT/MR image valid: Z (empty) for attributes of Type 2 in those IODs
 * (Study Date, Accession Number, Patient's Birth Date, Referring Physician's Name, Contrast/Bolus
 * Agent, ...), X (remove) for Type 3 ones. Instance UIDs ('U') are not listed here: every UI value
 * outside KEPT_UID_TAGS is replaced by the keyed mapping (deidentifyDataset), which covers the
 * table's U rows and any instance UID it does not name. Sequences marked X/Z/U* in the table
 * (Referenced Image Sequence, Source Image Sequence) are kept with their UIDs mapped, so references
 * inside a de-identified series stay consistent.
 *
 * Rules beyond this table, applied in deidentifyDataset: private attributes (odd groups) are
 * removed, curve (50xx) and overlay (60xx) groups are removed whole (Overlay Data and Comments are X
 * and an overlay without its data is invalid), any other Person Name is emptied, and attributes of
 * unknown VR (UN) are removed because their content cannot be checked.
 */
export type BasicProfileAction = 'X' | 'Z';

/** Tag (as dcmjs writes it: 8 upper-case hex digits) → action. */
export const BASIC_PROFILE_ACTIONS: Readonly<Record<string, BasicProfileAction>> = {
  // Patient
  '00100010': 'Z', // Patient's Name (replaced by the keyed pseudonym at the top level)
  '00100020': 'Z', // Patient ID (replaced by the keyed pseudonym at the top level)
  '00100021': 'X', // Issuer of Patient ID
  '00100024': 'X', // Issuer of Patient ID Qualifiers Sequence
  '00100030': 'Z', // Patient's Birth Date
  '00100032': 'X', // Patient's Birth Time
  '00100033': 'X', // Patient's Birth Date in Alternative Calendar
  '00100034': 'X', // Patient's Death Date in Alternative Calendar
  '00100035': 'X', // Patient's Alternative Calendar
  '00100040': 'Z', // Patient's Sex
  '00100050': 'X', // Patient's Insurance Plan Code Sequence
  '00100101': 'X', // Patient's Primary Language Code Sequence
  '00100102': 'X', // Patient's Primary Language Modifier Code Sequence
  '00101000': 'X', // Other Patient IDs
  '00101001': 'X', // Other Patient Names
  '00101002': 'X', // Other Patient IDs Sequence
  '00101005': 'X', // Patient's Birth Name
  '00101010': 'X', // Patient's Age
  '00101020': 'X', // Patient's Size
  '00101030': 'X', // Patient's Weight
  '00101040': 'X', // Patient's Address
  '00101050': 'X', // Insurance Plan Identification
  '00101060': 'X', // Patient's Mother's Birth Name
  '00101080': 'X', // Military Rank
  '00101081': 'X', // Branch of Service
  '00101090': 'X', // Medical Record Locator
  '00101100': 'X', // Referenced Patient Photo Sequence
  '00102000': 'X', // Medical Alerts
  '00102110': 'X', // Allergies
  '00102150': 'X', // Country of Residence
  '00102152': 'X', // Region of Residence
  '00102154': 'X', // Patient's Telephone Numbers
  '00102155': 'X', // Patient's Telecom Information
  '00102160': 'X', // Ethnic Group
  '00102180': 'X', // Occupation
  '001021A0': 'X', // Smoking Status
  '001021B0': 'X', // Additional Patient History
  '001021C0': 'X', // Pregnancy Status
  '001021D0': 'X', // Last Menstrual Date
  '001021F0': 'X', // Patient's Religious Preference
  '00102203': 'X', // Patient's Sex Neutered
  '00102297': 'X', // Responsible Person
  '00102299': 'X', // Responsible Organization
  '00104000': 'X', // Patient Comments
  // Clinical trial subject, study and series (the whole modules are user-optional: removed rather than dummied)
  '00120010': 'X', // Clinical Trial Sponsor Name
  '00120020': 'X', // Clinical Trial Protocol ID
  '00120021': 'X', // Clinical Trial Protocol Name
  '00120030': 'X', // Clinical Trial Site ID
  '00120031': 'X', // Clinical Trial Site Name
  '00120040': 'X', // Clinical Trial Subject ID
  '00120042': 'X', // Clinical Trial Subject Reading ID
  '00120050': 'X', // Clinical Trial Time Point ID
  '00120051': 'X', // Clinical Trial Time Point Description
  '00120060': 'X', // Clinical Trial Coordinating Center Name
  '00120071': 'X', // Clinical Trial Series ID
  '00120072': 'X', // Clinical Trial Series Description
  '00120081': 'X', // Clinical Trial Protocol Ethics Committee Name
  '00120082': 'X', // Clinical Trial Protocol Ethics Committee Approval Number
  // Study, visit, request
  '00080020': 'Z', // Study Date
  '00080030': 'Z', // Study Time
  '00080050': 'Z', // Accession Number
  '00080090': 'Z', // Referring Physician's Name
  '00080092': 'X', // Referring Physician's Address
  '00080094': 'X', // Referring Physician's Telephone Numbers
  '00080096': 'X', // Referring Physician Identification Sequence
  '0008009C': 'Z', // Consulting Physician's Name
  '0008009D': 'X', // Consulting Physician Identification Sequence
  '00081030': 'X', // Study Description
  '00081048': 'X', // Physician(s) of Record
  '00081049': 'X', // Physician(s) of Record Identification Sequence
  '00081060': 'X', // Name of Physician(s) Reading Study
  '00081062': 'X', // Physician(s) Reading Study Identification Sequence
  '00081080': 'X', // Admitting Diagnoses Description
  '00081084': 'X', // Admitting Diagnoses Code Sequence
  '00081110': 'X', // Referenced Study Sequence
  '00081111': 'X', // Referenced Performed Procedure Step Sequence
  '00081120': 'X', // Referenced Patient Sequence
  '00200010': 'Z', // Study ID
  '00320012': 'X', // Study ID Issuer
  '00320032': 'X', // Study Verified Date
  '00320033': 'X', // Study Verified Time
  '00320034': 'X', // Study Read Date
  '00320035': 'X', // Study Read Time
  '00321000': 'X', // Scheduled Study Start Date
  '00321001': 'X', // Scheduled Study Start Time
  '00321010': 'X', // Scheduled Study Stop Date
  '00321011': 'X', // Scheduled Study Stop Time
  '00321020': 'X', // Scheduled Study Location
  '00321021': 'X', // Scheduled Study Location AE Title
  '00321030': 'X', // Reason for Study
  '00321032': 'X', // Requesting Physician
  '00321033': 'X', // Requesting Service
  '00321040': 'X', // Study Arrival Date
  '00321041': 'X', // Study Arrival Time
  '00321050': 'X', // Study Completion Date
  '00321051': 'X', // Study Completion Time
  '00321060': 'X', // Requested Procedure Description
  '00321070': 'X', // Requested Contrast Agent
  '00324000': 'X', // Study Comments
  '00380004': 'X', // Referenced Patient Alias Sequence
  '00380010': 'X', // Admission ID
  '00380011': 'X', // Issuer of Admission ID
  '00380014': 'X', // Issuer of Admission ID Sequence
  '0038001E': 'X', // Scheduled Patient Institution Residence
  '00380020': 'X', // Admitting Date
  '00380021': 'X', // Admitting Time
  '00380040': 'X', // Discharge Diagnosis Description
  '00380050': 'X', // Special Needs
  '00380060': 'X', // Service Episode ID
  '00380061': 'X', // Issuer of Service Episode ID
  '00380062': 'X', // Service Episode Description
  '00380064': 'X', // Issuer of Service Episode ID Sequence
  '00380300': 'X', // Current Patient Location
  '00380400': 'X', // Patient's Institution Residence
  '00380500': 'X', // Patient State
  '00381234': 'X', // Referenced Patient Alias Sequence (retired)
  '00384000': 'X', // Visit Comments
  '00400275': 'X', // Request Attributes Sequence
  '00401001': 'X', // Requested Procedure ID
  '00401004': 'X', // Patient Transport Arrangements
  '00401005': 'X', // Requested Procedure Location
  '00401010': 'X', // Names of Intended Recipients of Results
  '00401011': 'X', // Intended Recipients of Results Identification Sequence
  '00401101': 'X', // Person Identification Code Sequence
  '00401102': 'X', // Person's Address
  '00401103': 'X', // Person's Telephone Numbers
  '00401104': 'X', // Person's Telecom Information
  '00401400': 'X', // Requested Procedure Comments
  '00402001': 'X', // Reason for the Imaging Service Request (retired)
  '00402008': 'X', // Order Entered By
  '00402009': 'X', // Order Enterer's Location
  '00402010': 'X', // Order Callback Phone Number
  '00402011': 'X', // Order Callback Telecom Information
  '00402016': 'Z', // Placer Order Number / Imaging Service Request
  '00402017': 'Z', // Filler Order Number / Imaging Service Request
  '00402400': 'X', // Imaging Service Request Comments
  '00403001': 'X', // Confidentiality Constraint on Patient Data Description
  // Scheduled and performed procedure steps
  '00400001': 'X', // Scheduled Station AE Title
  '00400002': 'X', // Scheduled Procedure Step Start Date
  '00400003': 'X', // Scheduled Procedure Step Start Time
  '00400004': 'X', // Scheduled Procedure Step End Date
  '00400005': 'X', // Scheduled Procedure Step End Time
  '00400006': 'X', // Scheduled Performing Physician's Name
  '00400007': 'X', // Scheduled Procedure Step Description
  '0040000B': 'X', // Scheduled Performing Physician Identification Sequence
  '00400009': 'X', // Scheduled Procedure Step ID
  '00400010': 'X', // Scheduled Station Name
  '00400011': 'X', // Scheduled Procedure Step Location
  '00400012': 'X', // Pre-Medication
  '00400241': 'X', // Performed Station AE Title
  '00400242': 'X', // Performed Station Name
  '00400243': 'X', // Performed Location
  '00400244': 'X', // Performed Procedure Step Start Date
  '00400245': 'X', // Performed Procedure Step Start Time
  '00400250': 'X', // Performed Procedure Step End Date
  '00400251': 'X', // Performed Procedure Step End Time
  '00400253': 'X', // Performed Procedure Step ID
  '00400254': 'X', // Performed Procedure Step Description
  '00400280': 'X', // Comments on the Performed Procedure Step
  '00400555': 'X', // Acquisition Context Sequence
  '00404025': 'X', // Scheduled Station Name Code Sequence
  '00404027': 'X', // Scheduled Station Geographic Location Code Sequence
  '00404028': 'X', // Performed Station Name Code Sequence
  '00404030': 'X', // Performed Station Geographic Location Code Sequence
  '00404034': 'X', // Scheduled Human Performers Sequence
  '00404035': 'X', // Actual Human Performers Sequence
  '00404036': 'X', // Human Performer's Organization
  '00404037': 'X', // Human Performer's Name
  '00404050': 'X', // Performed Procedure Step Start DateTime
  '00404051': 'X', // Performed Procedure Step End DateTime
  '00404052': 'X', // Procedure Step Cancellation DateTime
  // Equipment, institution, operators
  '00080080': 'X', // Institution Name
  '00080081': 'X', // Institution Address
  '00080082': 'X', // Institution Code Sequence
  '00081010': 'X', // Station Name
  '00081040': 'X', // Institutional Department Name
  '00081041': 'X', // Institutional Department Type Code Sequence
  '00081050': 'X', // Performing Physician's Name
  '00081052': 'X', // Performing Physician Identification Sequence
  '00081070': 'X', // Operators' Name
  '00081072': 'X', // Operator Identification Sequence
  '00181000': 'X', // Device Serial Number
  '00181004': 'X', // Plate ID
  '00181005': 'X', // Generator ID
  '00181007': 'X', // Cassette ID
  '00181008': 'X', // Gantry ID
  '00181200': 'X', // Date of Last Calibration
  '00181201': 'X', // Time of Last Calibration
  '00181202': 'X', // DateTime of Last Calibration
  '0018700A': 'X', // Detector ID
  '00203401': 'X', // Modifying Device ID
  '00203404': 'X', // Modifying Device Manufacturer
  '00203406': 'X', // Modified Image Description
  // Series, acquisition, image: dates, times and free text
  '00080012': 'X', // Instance Creation Date
  '00080013': 'X', // Instance Creation Time
  '00080015': 'X', // Instance Coercion DateTime
  '00080021': 'X', // Series Date
  '00080022': 'X', // Acquisition Date
  '00080023': 'Z', // Content Date
  '00080024': 'X', // Overlay Date
  '00080025': 'X', // Curve Date
  '0008002A': 'X', // Acquisition DateTime
  '00080031': 'X', // Series Time
  '00080032': 'X', // Acquisition Time
  '00080033': 'Z', // Content Time
  '00080034': 'X', // Overlay Time
  '00080035': 'X', // Curve Time
  '00080201': 'X', // Timezone Offset From UTC
  '0008103E': 'X', // Series Description
  '00082111': 'X', // Derivation Description (the writer then sets its own, non-identifying one)
  '00084000': 'X', // Identifying Comments
  '00180010': 'Z', // Contrast/Bolus Agent
  '00181012': 'X', // Date of Secondary Capture
  '00181014': 'X', // Time of Secondary Capture
  '00181030': 'X', // Protocol Name
  '00181072': 'X', // Radiopharmaceutical Start Time
  '00181073': 'X', // Radiopharmaceutical Stop Time
  '00181078': 'X', // Radiopharmaceutical Start DateTime
  '00181079': 'X', // Radiopharmaceutical Stop DateTime
  '00181400': 'X', // Acquisition Device Processing Description
  '00184000': 'X', // Acquisition Comments
  '00189074': 'X', // Frame Acquisition DateTime
  '00189151': 'X', // Frame Reference DateTime
  '00189424': 'X', // Acquisition Protocol Description
  '00189516': 'X', // Start Acquisition DateTime
  '00189517': 'X', // End Acquisition DateTime
  '00189701': 'X', // Decay Correction DateTime
  '00189804': 'X', // Exclusion Start DateTime
  '0018A003': 'X', // Contribution Description
  '00204000': 'X', // Image Comments
  '00209158': 'X', // Frame Comments
  '00284000': 'X', // Image Presentation Comments
  '00880200': 'X', // Icon Image Sequence
  '00880904': 'X', // Topic Title
  '00880906': 'X', // Topic Subject
  '00880910': 'X', // Topic Author
  '00880912': 'X', // Topic Keywords
  // Structured content, signatures, annotations
  '0040A027': 'X', // Verifying Organization
  '0040A073': 'X', // Verifying Observer Sequence
  '0040A075': 'Z', // Verifying Observer Name
  '0040A078': 'X', // Author Observer Sequence
  '0040A07A': 'X', // Participant Sequence
  '0040A07C': 'X', // Custodial Organization Sequence
  '0040A088': 'Z', // Verifying Observer Identification Code Sequence
  '0040A123': 'Z', // Person Name
  '0040A730': 'X', // Content Sequence
  '00700084': 'Z', // Content Creator's Name
  '00700086': 'X', // Content Creator's Identification Code Sequence
  '20300020': 'X', // Text String
  '300E0008': 'X', // Reviewer Name
  '04000100': 'X', // Digital Signature UID
  '04000402': 'X', // Referenced Digital Signature Sequence
  '04000403': 'X', // Referenced SOP Instance MAC Sequence
  '04000404': 'X', // MAC
  '04000500': 'X', // Encrypted Attributes Sequence (may carry someone else's re-identification data)
  '04000550': 'X', // Modified Attributes Sequence
  '04000561': 'X', // Original Attributes Sequence
  '40000010': 'X', // Arbitrary
  '40004000': 'X', // Text Comments
  '40080042': 'X', // Results ID Issuer
  '40080102': 'X', // Interpretation Recorder
  '4008010A': 'X', // Interpretation Transcriber
  '4008010B': 'X', // Interpretation Text
  '4008010C': 'X', // Interpretation Author
  '40080111': 'X', // Interpretation Approver Sequence
  '40080114': 'X', // Physician Approving Interpretation
  '40080115': 'X', // Interpretation Diagnosis Description
  '40080118': 'X', // Results Distribution List Sequence
  '40080119': 'X', // Distribution Name
  '4008011A': 'X', // Distribution Address
  '40080202': 'X', // Interpretation ID Issuer
  '40080300': 'X', // Impressions
  '40084000': 'X', // Results Comments
  'FFFAFFFA': 'X', // Digital Signatures Sequence
  'FFFCFFFC': 'X', // Data Set Trailing Padding
};

/**
 * UI attributes whose values name a *kind* of thing (an SOP class, a transfer syntax, a coding
 * scheme, an implementation), not an instance: they identify nobody and are kept. Values under the
 * DICOM root 1.2.840.10008 are kept wherever they appear (well-known UIDs).
 */
export const KEPT_UID_TAGS: ReadonlySet<string> = new Set([
  '00020002', // Media Storage SOP Class UID
  '00020010', // Transfer Syntax UID
  '00020012', // Implementation Class UID
  '00041510', // Referenced SOP Class UID in File
  '00041512', // Referenced Transfer Syntax UID in File
  '00080016', // SOP Class UID
  '0008001A', // Related General SOP Class UID
  '0008001B', // Original Specialized SOP Class UID
  '00080062', // SOP Classes in Study
  '0008010C', // Coding Scheme UID
  '0008010D', // Context Group Extension Creator UID
  '00081150', // Referenced SOP Class UID
]);

/** File Meta Information attributes that name sending systems (AE titles) or private meta data. */
export const REMOVED_META_TAGS: readonly string[] = ['00020016', '00020017', '00020018', '00020100', '00020102'];
