<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>AED {key} is not a note or coin the drawer counts.</source>
      <comment>cash.aed_key_note_coin</comment>
      <translation>{key} درهم ليست ورقة نقدية أو عملة معدنية يُعدّها درج النقدية.</translation>
    </message>
    <message>
      <source>The count of AED {value} must be a whole number.</source>
      <comment>cash.count_aed_k_whole</comment>
      <translation>يجب أن يكون عدد فئة {value} درهم عددًا صحيحًا.</translation>
    </message>
    <message>
      <source>The count of AED {value} must be a whole number.</source>
      <comment>cash.count_aed_k_whole_2</comment>
      <translation>يجب أن يكون عدد فئة {value} درهم عددًا صحيحًا.</translation>
    </message>
    <message>
      <source>The count of AED {value} must be between 0 and {max}.</source>
      <comment>cash.count_aed_k_between</comment>
      <translation>يجب أن يكون عدد فئة {value} درهم بين 0 و{max}.</translation>
    </message>
    <message>
      <source>Balanced</source>
      <comment>cash.balanced</comment>
      <translation>متوازن</translation>
    </message>
    <message>
      <source>Short by {amount}</source>
      <comment>cash.short_by</comment>
      <translation>عجز بمقدار {amount}</translation>
    </message>
    <message>
      <source>Over by {amount}</source>
      <comment>cash.over_by</comment>
      <translation>زيادة بمقدار {amount}</translation>
    </message>
  </context>
</TS>
