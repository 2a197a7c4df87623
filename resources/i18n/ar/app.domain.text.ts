<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>{field} can have at most {max_len} characters; this has {length}.</source>
      <extracomment>field_most_max_len</extracomment>
      <translation>يمكن أن يحتوي {field} على {max_len} حرفًا كحد أقصى؛ وهذا يحتوي على {length}.</translation>
    </message>
    <message>
      <source>{field} must be text.</source>
      <extracomment>field_text</extracomment>
      <translation>يجب أن يكون {field} نصًا.</translation>
    </message>
    <message>
      <source>{field} is required.</source>
      <extracomment>field_required</extracomment>
      <translation>يجب إدخال {field}.</translation>
    </message>
    <message>
      <source>{field} contains a NUL character, which cannot be stored; retype it.</source>
      <extracomment>field_contains_nul_character</extracomment>
      <translation>يحتوي {field} على حرف NUL لا يمكن حفظه؛ أعد كتابته.</translation>
    </message>
    <message>
      <source>{field} contains invisible text-direction characters; retype it.</source>
      <extracomment>field_contains_invisible_text</extracomment>
      <translation>يحتوي {field} على أحرف غير مرئية لاتجاه النص؛ أعد كتابته.</translation>
    </message>
    <message>
      <source>{field} contains a broken character that cannot be stored; retype it.</source>
      <extracomment>field_contains_broken_character</extracomment>
      <translation>يحتوي {field} على حرف تالف لا يمكن حفظه؛ أعد كتابته.</translation>
    </message>
    <message>
      <source>{field} contains a control character (U+{ord}); retype it.</source>
      <extracomment>field_contains_control_character</extracomment>
      <translation>يحتوي {field} على حرف تحكم (U+{ord})؛ أعد كتابته.</translation>
    </message>
    <message>
      <source>{field}: {shown} is not one of {choices}.</source>
      <extracomment>field_shown_one_choices</extracomment>
      <translation>{field}: القيمة {shown} ليست من بين {choices}.</translation>
    </message>
  </context>
</TS>
