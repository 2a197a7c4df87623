<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>The receipt's {name} is not an amount: {value}.</source>
      <extracomment>receipt_not_amount</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The receipt's {name} cannot be negative.</source>
      <extracomment>receipt_cannot_negative</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Unknown receipt kind {kind}; expected COPAY or REFUND.</source>
      <extracomment>unknown_receipt_kind_expected</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A receipt needs its {value}.</source>
      <extracomment>receipt_needs</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The receipt time must be a datetime with a time zone.</source>
      <extracomment>receipt_time_must_datetime</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Unknown time zone {timezone} for the receipt.</source>
      <extracomment>unknown_time_zone_receipt</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>VAT rate {vat_rate} is not a fraction like 0.05.</source>
      <extracomment>vat_rate_not_fraction</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A receipt shows the amount tendered and the change together.</source>
      <extracomment>receipt_shows_amount_tendered</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A secondary insurer amount needs the secondary insurer's name.</source>
      <extracomment>secondary_insurer_amount_needs</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A primary insurer amount needs the primary insurer's name.</source>
      <extracomment>primary_insurer_amount_needs</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The VAT cannot be more than the amount it is included in.</source>
      <extracomment>vat_cannot_more_amount</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Receipt {receipt_number} does not add up: patient {patient_amount} + insurers {primary_amount} != fee {fee}.</source>
      <extracomment>receipt_does_not_add</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A refund receipt needs the original receipt number.</source>
      <extracomment>refund_receipt_needs_original</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Unknown receipt fields: {unknown}.</source>
      <extracomment>unknown_receipt_fields</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Receipt time {issued} is not ISO 8601.</source>
      <extracomment>receipt_time_not_iso</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Receipt {name} {value} is not a number.</source>
      <extracomment>receipt_not_number</extracomment>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
