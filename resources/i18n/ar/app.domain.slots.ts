<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>The weekday must be 0 (Monday) to 6 (Sunday).</source>
      <extracomment>weekday_monday_sunday</extracomment>
      <translation>يجب أن يكون يوم الأسبوع من 0 (الاثنين) إلى 6 (الأحد).</translation>
    </message>
    <message>
      <source>Working hours end ({end}) before they start ({start}).</source>
      <extracomment>working_hours_end_end</extracomment>
      <translation>ساعات العمل تنتهي ({end}) قبل أن تبدأ ({start}).</translation>
    </message>
    <message>
      <source>A slot lasts 5 to 240 minutes.</source>
      <extracomment>slot_lasts_minutes</extracomment>
      <translation>مدة الموعد من 5 إلى 240 دقيقة.</translation>
    </message>
    <message>
      <source>The slot's time must carry its time zone.</source>
      <extracomment>slot_s_time_carry</extracomment>
      <translation>يجب أن يتضمن وقت الموعد منطقته الزمنية.</translation>
    </message>
  </context>
</TS>
