<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>The weekday must be 0 (Monday) to 6 (Sunday).</source>
      <comment>slots.weekday_monday_sunday</comment>
      <translation>يجب أن يكون يوم الأسبوع من 0 (الاثنين) إلى 6 (الأحد).</translation>
    </message>
    <message>
      <source>Working hours end ({end}) before they start ({start}).</source>
      <comment>slots.working_hours_end_end</comment>
      <translation>ساعات العمل تنتهي ({end}) قبل أن تبدأ ({start}).</translation>
    </message>
    <message>
      <source>A slot lasts 5 to 240 minutes.</source>
      <comment>slots.slot_lasts_minutes</comment>
      <translation>مدة الموعد من 5 إلى 240 دقيقة.</translation>
    </message>
    <message>
      <source>The slot's time must carry its time zone.</source>
      <comment>slots.slot_s_time_carry</comment>
      <translation>يجب أن يتضمن وقت الموعد منطقته الزمنية.</translation>
    </message>
  </context>
</TS>
