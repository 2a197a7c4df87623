<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>The database connection was lost; nothing was saved. Try again in a moment.</source>
      <comment>unit_of_work.connection_lost</comment>
      <translation>انقطع الاتصال بقاعدة البيانات؛ لم يُحفظ شيء. حاول مرة أخرى بعد لحظات.</translation>
    </message>
    <message>
      <source>A value contains a broken character that cannot be stored; nothing was saved. Retype it.</source>
      <comment>unit_of_work.value_contains_broken_character</comment>
      <translation>تحتوي إحدى القيم على حرف تالف لا يمكن حفظه؛ لم يُحفظ شيء. أعد كتابتها.</translation>
    </message>
  </context>
</TS>
