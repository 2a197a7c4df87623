<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>{field} can have at most {max_len} characters; this has {length}.</source>
      <comment>text.field_most_max_len</comment>
      <translation>يمكن أن يحتوي {field} على {max_len} حرفًا كحد أقصى؛ وهذا يحتوي على {length}.</translation>
    </message>
    <message>
      <source>{field} must be text.</source>
      <comment>text.field_text</comment>
      <translation>يجب أن يكون {field} نصًا.</translation>
    </message>
    <message>
      <source>{field} is required.</source>
      <comment>text.field_required</comment>
      <translation>يجب إدخال {field}.</translation>
    </message>
    <message>
      <source>{field} can have at most {max_len} characters; this has {length}.</source>
      <comment>text.field_most_max_len_2</comment>
      <translation>يمكن أن يحتوي {field} على {max_len} حرفًا كحد أقصى؛ وهذا يحتوي على {length}.</translation>
    </message>
    <message>
      <source>{field} contains a NUL character, which cannot be stored; retype it.</source>
      <comment>text.field_contains_nul_character</comment>
      <translation>يحتوي {field} على حرف NUL لا يمكن حفظه؛ أعد كتابته.</translation>
    </message>
    <message>
      <source>{field} contains invisible text-direction characters; retype it.</source>
      <comment>text.field_contains_invisible_text</comment>
      <translation>يحتوي {field} على أحرف غير مرئية لاتجاه النص؛ أعد كتابته.</translation>
    </message>
    <message>
      <source>{field} contains a broken character that cannot be stored; retype it.</source>
      <comment>text.field_contains_broken_character</comment>
      <translation>يحتوي {field} على حرف تالف لا يمكن حفظه؛ أعد كتابته.</translation>
    </message>
    <message>
      <source>{field} contains a control character (U+{ord}); retype it.</source>
      <comment>text.field_contains_control_character</comment>
      <translation>يحتوي {field} على حرف تحكم (U+{ord})؛ أعد كتابته.</translation>
    </message>
    <message>
      <source>{field}: {shown} is not one of {choices}.</source>
      <comment>text.field_shown_one_choices</comment>
      <translation>{field}: القيمة {shown} ليست من بين {choices}.</translation>
    </message>
  </context>
</TS>
