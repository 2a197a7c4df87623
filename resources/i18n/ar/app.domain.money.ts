<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>{field} must be typed as an amount, like 150.00.</source>
      <comment>money.field_typed_amount_like</comment>
      <translation>يجب كتابة {field} كمبلغ، مثل 150.00.</translation>
    </message>
    <message>
      <source>{field} is required.</source>
      <comment>money.field_required</comment>
      <translation>يجب إدخال {field}.</translation>
    </message>
    <message>
      <source>{field} must be a number, like 150.00.</source>
      <comment>money.field_number_like_2</comment>
      <translation>يجب أن تكون قيمة {field} رقمًا، مثل 150.00.</translation>
    </message>
    <message>
      <source>{field} must be typed as an amount, like 150.00.</source>
      <comment>money.field_typed_amount_like_2</comment>
      <translation>يجب كتابة {field} كمبلغ، مثل 150.00.</translation>
    </message>
    <message>
      <source>{field} must be a number, like 150.00.</source>
      <comment>money.field_number_like</comment>
      <translation>يجب أن تكون قيمة {field} رقمًا، مثل 150.00.</translation>
    </message>
    <message>
      <source>{field} cannot be negative.</source>
      <comment>money.field_negative</comment>
      <translation>لا يمكن أن تكون قيمة {field} سالبة.</translation>
    </message>
    <message>
      <source>{field} is too large (at most {max}).</source>
      <comment>money.field_too_large_most</comment>
      <translation>قيمة {field} كبيرة جدًا (الحد الأقصى {max}).</translation>
    </message>
    <message>
      <source>{field} has more than two decimals (fils).</source>
      <comment>money.field_more_than_two</comment>
      <translation>تحتوي قيمة {field} على أكثر من منزلتين عشريتين (فلس).</translation>
    </message>
  </context>
</TS>
