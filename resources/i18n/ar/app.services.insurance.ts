<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>{label} {text} is not a real date.</source>
      <extracomment>not_real_date</extracomment>
      <translation>{label} {text} ليس تاريخًا صحيحًا.</translation>
    </message>
    <message>
      <source>{label} must be a date like 2026-03-10 or 10/03/2026.</source>
      <extracomment>must_date_like</extracomment>
      <translation>يجب أن يكون {label} تاريخًا مثل 2026-03-10 أو 10/03/2026.</translation>
    </message>
    <message>
      <source>{label} must be a number from 0 to 100, like 20 or 12.5.</source>
      <extracomment>must_number_like</extracomment>
      <translation>يجب أن يكون {label} رقمًا من 0 إلى 100، مثل 20 أو 12.5.</translation>
    </message>
    <message>
      <source>from {start}, no expiry date</source>
      <extracomment>period_open</extracomment>
      <translation>من {start}، بلا تاريخ انتهاء</translation>
    </message>
    <message>
      <source>{start} – {end}</source>
      <extracomment>period</extracomment>
      <translation>{start} – {end}</translation>
    </message>
    <message>
      <source>There is no patient {patient_id} at this hospital.</source>
      <extracomment>no_patient_hospital</extracomment>
      <translation>لا يوجد مريض رقم {patient_id} في هذا المستشفى.</translation>
    </message>
    <message>
      <source>This policy expired on {day}; enter the patient's current policy.</source>
      <extracomment>policy_expired</extracomment>
      <translation>انتهت صلاحية هذه الوثيقة في {day}؛ أدخل الوثيقة الحالية للمريض.</translation>
    </message>
    <message>
      <source>That payer is not set up at this hospital.</source>
      <extracomment>payer_not_set_up</extracomment>
      <translation>هذه الجهة الدافعة غير مُعدّة في هذا المستشفى.</translation>
    </message>
    <message>
      <source>That appointment is not this patient's at this hospital.</source>
      <extracomment>appointment_not_patient_hospital</extracomment>
      <translation>هذا الموعد لا يخص هذا المريض في هذا المستشفى.</translation>
    </message>
    <message>
      <source>A primary policy was just added for this patient elsewhere; nothing was added. Open the check-in again.</source>
      <extracomment>primary_policy_just_added</extracomment>
      <translation>أُضيفت للتو وثيقة تأمين أساسية لهذا المريض من مكان آخر؛ لم تتم إضافة شيء. افتح تسجيل الوصول مرة أخرى.</translation>
    </message>
    <message>
      <source>Choose the insurance payer.</source>
      <extracomment>choose_payer</extracomment>
      <translation>اختر شركة التأمين.</translation>
    </message>
    <message>
      <source>Policy number is required.</source>
      <extracomment>policy_number_required</extracomment>
      <translation>رقم الوثيقة مطلوب.</translation>
    </message>
    <message>
      <source>Choose in network or out of network.</source>
      <extracomment>choose_network</extracomment>
      <translation>اختر داخل الشبكة أو خارج الشبكة.</translation>
    </message>
    <message>
      <source>Effective date is required.</source>
      <extracomment>effective_date_required</extracomment>
      <translation>تاريخ السريان مطلوب.</translation>
    </message>
    <message>
      <source>The expiry date is before the effective date.</source>
      <extracomment>expiry_before_effective</extracomment>
      <translation>تاريخ الانتهاء قبل تاريخ السريان.</translation>
    </message>
    <message>
      <source>{full_name} already has an active primary policy: {name} policy {policy_number} ({ins}). Nothing was added; a patient has one primary policy at a time.</source>
      <extracomment>already_active_primary_policy</extracomment>
      <translation>لدى {full_name} وثيقة تأمين أساسية سارية بالفعل: وثيقة {name} رقم {policy_number} ({ins}). لم تتم إضافة شيء؛ للمريض وثيقة أساسية واحدة فقط في كل مرة.</translation>
    </message>
  </context>
</TS>
