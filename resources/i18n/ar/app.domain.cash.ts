<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>AED {key} is not a note or coin the drawer counts.</source>
      <extracomment>aed_key_note_coin</extracomment>
      <translation>{key} درهم ليست ورقة نقدية أو عملة معدنية يُعدّها درج النقدية.</translation>
    </message>
    <message>
      <source>The count of AED {value} must be a whole number.</source>
      <extracomment>count_aed_k_whole</extracomment>
      <translation>يجب أن يكون عدد فئة {value} درهم عددًا صحيحًا.</translation>
    </message>
    <message>
      <source>The count of AED {value} must be between 0 and {max}.</source>
      <extracomment>count_aed_k_between</extracomment>
      <translation>يجب أن يكون عدد فئة {value} درهم بين 0 و{max}.</translation>
    </message>
    <message>
      <source>Balanced</source>
      <extracomment>balanced</extracomment>
      <translation>متوازن</translation>
    </message>
    <message>
      <source>Short by {amount}</source>
      <extracomment>short_by</extracomment>
      <translation>عجز بمقدار {amount}</translation>
    </message>
    <message>
      <source>Over by {amount}</source>
      <extracomment>over_by</extracomment>
      <translation>زيادة بمقدار {amount}</translation>
    </message>
  </context>
</TS>
