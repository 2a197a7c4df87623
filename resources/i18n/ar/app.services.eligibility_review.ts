<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Choose the first and the last day of the appointments.</source>
      <extracomment>choose_first_last_day</extracomment>
      <translation>اختر اليوم الأول واليوم الأخير للمواعيد.</translation>
    </message>
    <message>
      <source>The date range ends before it starts; swap the dates.</source>
      <extracomment>date_range_ends_before</extracomment>
      <translation>ينتهي نطاق التاريخ قبل أن يبدأ؛ بدّل التاريخين.</translation>
    </message>
    <message>
      <source>Choose at most a year of appointments at a time.</source>
      <extracomment>choose_most_year_appointments</extracomment>
      <translation>اختر مواعيد سنة واحدة كحد أقصى في كل مرة.</translation>
    </message>
    <message>
      <source>Unknown eligibility status {status}.</source>
      <extracomment>unknown_eligibility_status</extracomment>
      <translation>حالة أهلية غير معروفة {status}.</translation>
    </message>
    <message>
      <source>Choose eligible or not eligible.</source>
      <extracomment>choose_eligible_not_eligible</extracomment>
      <translation>اختر مؤهَّل أو غير مؤهَّل.</translation>
    </message>
    <message>
      <source>That appointment was not found at this hospital.</source>
      <extracomment>appointment_not_found_hospital</extracomment>
      <translation>لم يُعثر على هذا الموعد في هذا المستشفى.</translation>
    </message>
    <message>
      <source>This workstation's hospital no longer exists.</source>
      <extracomment>workstation_hospital_no_longer</extracomment>
      <translation>مستشفى محطة العمل هذه لم يعد موجودًا.</translation>
    </message>
  </context>
</TS>
