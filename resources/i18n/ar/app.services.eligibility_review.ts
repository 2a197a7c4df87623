<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Choose the first and the last day of the appointments.</source>
      <comment>eligibility_review.choose_first_last_day</comment>
      <translation>اختر اليوم الأول واليوم الأخير للمواعيد.</translation>
    </message>
    <message>
      <source>The date range ends before it starts; swap the dates.</source>
      <comment>eligibility_review.date_range_ends_before</comment>
      <translation>ينتهي نطاق التاريخ قبل أن يبدأ؛ بدّل التاريخين.</translation>
    </message>
    <message>
      <source>Choose at most a year of appointments at a time.</source>
      <comment>eligibility_review.choose_most_year_appointments</comment>
      <translation>اختر مواعيد سنة واحدة كحد أقصى في كل مرة.</translation>
    </message>
    <message>
      <source>Unknown eligibility status {status}.</source>
      <comment>eligibility_review.unknown_eligibility_status</comment>
      <translation>حالة أهلية غير معروفة {status}.</translation>
    </message>
    <message>
      <source>Choose eligible or not eligible.</source>
      <comment>eligibility_review.choose_eligible_not_eligible</comment>
      <translation>اختر مؤهَّل أو غير مؤهَّل.</translation>
    </message>
    <message>
      <source>That appointment was not found at this hospital.</source>
      <comment>eligibility_review.appointment_not_found_hospital</comment>
      <translation>لم يُعثر على هذا الموعد في هذا المستشفى.</translation>
    </message>
    <message>
      <source>This workstation's hospital no longer exists.</source>
      <comment>eligibility_review.workstation_hospital_no_longer</comment>
      <translation>مستشفى محطة العمل هذه لم يعد موجودًا.</translation>
    </message>
  </context>
</TS>
