<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>The receipt's {name} is not an amount: {value}.</source>
      <comment>model.receipt_not_amount</comment>
      <translation>قيمة {name} في الإيصال ليست مبلغًا: {value}.</translation>
    </message>
    <message>
      <source>The receipt's {name} cannot be negative.</source>
      <comment>model.receipt_cannot_negative</comment>
      <translation>لا يمكن أن تكون قيمة {name} في الإيصال سالبة.</translation>
    </message>
    <message>
      <source>Unknown receipt kind {kind}; expected COPAY or REFUND.</source>
      <comment>model.unknown_receipt_kind_expected</comment>
      <translation>نوع إيصال غير معروف {kind}؛ المتوقع COPAY أو REFUND.</translation>
    </message>
    <message>
      <source>A receipt needs its {field}.</source>
      <comment>model.receipt_needs</comment>
      <translation>يحتاج الإيصال إلى {field}.</translation>
    </message>
    <message>
      <source>The receipt time must be a datetime with a time zone.</source>
      <comment>model.receipt_time_must_datetime</comment>
      <translation>يجب أن يكون وقت الإيصال تاريخًا ووقتًا مع منطقة زمنية.</translation>
    </message>
    <message>
      <source>Unknown time zone {timezone} for the receipt.</source>
      <comment>model.unknown_time_zone_receipt</comment>
      <translation>منطقة زمنية غير معروفة {timezone} للإيصال.</translation>
    </message>
    <message>
      <source>VAT rate {vat_rate} is not a fraction like 0.05.</source>
      <comment>model.vat_rate_not_fraction</comment>
      <translation>نسبة ضريبة القيمة المضافة {vat_rate} ليست كسرًا مثل 0.05.</translation>
    </message>
    <message>
      <source>A receipt shows the amount tendered and the change together.</source>
      <comment>model.receipt_shows_amount_tendered</comment>
      <translation>يعرض الإيصال المبلغ المدفوع والباقي معًا.</translation>
    </message>
    <message>
      <source>A secondary insurer amount needs the secondary insurer's name.</source>
      <comment>model.secondary_insurer_amount_needs</comment>
      <translation>مبلغ شركة التأمين الثانوية يتطلب اسم شركة التأمين الثانوية.</translation>
    </message>
    <message>
      <source>A primary insurer amount needs the primary insurer's name.</source>
      <comment>model.primary_insurer_amount_needs</comment>
      <translation>مبلغ شركة التأمين الأساسية يتطلب اسم شركة التأمين الأساسية.</translation>
    </message>
    <message>
      <source>The VAT cannot be more than the amount it is included in.</source>
      <comment>model.vat_cannot_more_amount</comment>
      <translation>لا يمكن أن تتجاوز ضريبة القيمة المضافة المبلغ المتضمنة فيه.</translation>
    </message>
    <message>
      <source>A balance line needs an amount above zero and its VAT within it.</source>
      <comment>model.balance_line_invalid</comment>
      <translation>يتطلب سطر الرصيد مبلغًا أكبر من الصفر وضريبة قيمة مضافة ضمنه.</translation>
    </message>
    <message>
      <source>Only a copay receipt carries balances from earlier visits.</source>
      <comment>model.balance_only_on_copay</comment>
      <translation>إيصال نسبة التحمل وحده يحمل أرصدة الزيارات السابقة.</translation>
    </message>
    <message>
      <source>Receipt {receipt_number} does not add up: patient {patient_amount} + insurers {primary_amount} != fee {fee}.</source>
      <comment>model.receipt_does_not_add</comment>
      <translation>مجاميع الإيصال {receipt_number} غير متطابقة: المريض {patient_amount} + شركات التأمين {primary_amount} != الرسوم {fee}.</translation>
    </message>
    <message>
      <source>A refund receipt needs the original receipt number.</source>
      <comment>model.refund_receipt_needs_original</comment>
      <translation>يحتاج إيصال الاسترداد إلى رقم الإيصال الأصلي.</translation>
    </message>
    <message>
      <source>Unknown receipt fields: {unknown}.</source>
      <comment>model.unknown_receipt_fields</comment>
      <translation>حقول إيصال غير معروفة: {unknown}.</translation>
    </message>
    <message>
      <source>Receipt time {issued} is not ISO 8601.</source>
      <comment>model.receipt_time_not_iso</comment>
      <translation>وقت الإيصال {issued} ليس بصيغة ISO 8601.</translation>
    </message>
    <message>
      <source>Receipt {name} {value} is not a number.</source>
      <comment>model.receipt_not_number</comment>
      <translation>قيمة {name} في الإيصال {value} ليست رقمًا.</translation>
    </message>
  </context>
</TS>
