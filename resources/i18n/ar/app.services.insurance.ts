<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>{label} {text} is not a real date.</source>
      <comment>insurance.not_real_date</comment>
      <translation>{label} {text} ليس تاريخًا صحيحًا.</translation>
    </message>
    <message>
      <source>{label} must be a date like 2026-03-10 or 10/03/2026.</source>
      <comment>insurance.must_date_like</comment>
      <translation>يجب أن يكون {label} تاريخًا مثل 2026-03-10 أو 10/03/2026.</translation>
    </message>
    <message>
      <source>{label} must be a number from 0 to 100, like 20 or 12.5.</source>
      <comment>insurance.must_number_like</comment>
      <translation>يجب أن يكون {label} رقمًا من 0 إلى 100، مثل 20 أو 12.5.</translation>
    </message>
    <message>
      <source>from {start}, no expiry date</source>
      <comment>insurance.period_open</comment>
      <translation>من {start}، بلا تاريخ انتهاء</translation>
    </message>
    <message>
      <source>{start} – {end}</source>
      <comment>insurance.period</comment>
      <translation>{start} – {end}</translation>
    </message>
    <message>
      <source>There is no patient {patient_id} at this hospital.</source>
      <comment>insurance.no_patient_hospital</comment>
      <translation>لا يوجد مريض رقم {patient_id} في هذا المستشفى.</translation>
    </message>
    <message>
      <source>This policy expired on {day}; enter the patient's current policy.</source>
      <comment>insurance.policy_expired</comment>
      <translation>انتهت صلاحية هذه الوثيقة في {day}؛ أدخل الوثيقة الحالية للمريض.</translation>
    </message>
    <message>
      <source>That payer is not set up at this hospital.</source>
      <comment>insurance.payer_not_set_up</comment>
      <translation>هذه الجهة الدافعة غير مُعدّة في هذا المستشفى.</translation>
    </message>
    <message>
      <source>That appointment is not this patient's at this hospital.</source>
      <comment>insurance.appointment_not_patient_hospital</comment>
      <translation>هذا الموعد لا يخص هذا المريض في هذا المستشفى.</translation>
    </message>
    <message>
      <source>A primary policy was just added for this patient elsewhere; nothing was added. Open the check-in again.</source>
      <comment>insurance.primary_policy_just_added</comment>
      <translation>أُضيفت للتو وثيقة تأمين أساسية لهذا المريض من مكان آخر؛ لم تتم إضافة شيء. افتح تسجيل الوصول مرة أخرى.</translation>
    </message>
    <message>
      <source>Choose the insurance payer.</source>
      <comment>insurance.choose_payer</comment>
      <translation>اختر شركة التأمين.</translation>
    </message>
    <message>
      <source>Policy number is required.</source>
      <comment>insurance.policy_number_required</comment>
      <translation>رقم الوثيقة مطلوب.</translation>
    </message>
    <message>
      <source>Choose in network or out of network.</source>
      <comment>insurance.choose_network</comment>
      <translation>اختر داخل الشبكة أو خارج الشبكة.</translation>
    </message>
    <message>
      <source>Effective date is required.</source>
      <comment>insurance.effective_date_required</comment>
      <translation>تاريخ السريان مطلوب.</translation>
    </message>
    <message>
      <source>The expiry date is before the effective date.</source>
      <comment>insurance.expiry_before_effective</comment>
      <translation>تاريخ الانتهاء قبل تاريخ السريان.</translation>
    </message>
    <message>
      <source>{full_name} already has an active primary policy: {name} policy {policy_number} ({ins}). Nothing was added; a patient has one primary policy at a time.</source>
      <comment>insurance.already_active_primary_policy</comment>
      <translation>لدى {full_name} وثيقة تأمين أساسية سارية بالفعل: وثيقة {name} رقم {policy_number} ({ins}). لم تتم إضافة شيء؛ للمريض وثيقة أساسية واحدة فقط في كل مرة.</translation>
    </message>
  </context>
</TS>
