<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>The file to print was not found: {path}.</source>
      <comment>cups.file_print_not_found</comment>
      <translation>لم يُعثر على الملف المراد طباعته: {path}.</translation>
    </message>
    <message>
      <source>Printing from this computer needs CUPS (the 'lp' command), which is not installed. Ask IT to install CUPS.</source>
      <comment>cups.printing_computer_needs_cups</comment>
      <translation>تتطلب الطباعة من هذا الجهاز CUPS (الأمر 'lp')، وهو غير مثبت. اطلب من قسم تقنية المعلومات تثبيت CUPS.</translation>
    </message>
    <message>
      <source>The number of copies must be at least 1.</source>
      <comment>cups.number_copies_must_least</comment>
      <translation>يجب ألا يقل عدد النسخ عن 1.</translation>
    </message>
    <message>
      <source>The printer '{printer}'</source>
      <comment>cups.the_printer</comment>
      <translation>الطابعة '{printer}'</translation>
    </message>
    <message>
      <source>The default printer</source>
      <comment>cups.default_printer</comment>
      <translation>الطابعة الافتراضية</translation>
    </message>
    <message>
      <source>{label} did not take the job within {timeout} seconds. Check that the print service (CUPS) is running.</source>
      <comment>cups.did_not_take_job</comment>
      <translation>لم تستلم {label} مهمة الطباعة خلال {timeout} ثانية. تحقّق من أن خدمة الطباعة (CUPS) تعمل.</translation>
    </message>
    <message>
      <source>The print command could not be started ({error}).</source>
      <comment>cups.print_command_could_not</comment>
      <translation>تعذّر تشغيل أمر الطباعة ({error}).</translation>
    </message>
    <message>
      <source>{label} could not take the receipt: {reason}. Check that it is installed, switched on and not paused.</source>
      <comment>cups.could_not_take_receipt</comment>
      <translation>تعذّر على {label} استلام الإيصال: {reason}. تحقّق من أنها مثبتة وقيد التشغيل وغير متوقفة مؤقتًا.</translation>
    </message>
    <message>
      <source>unknown error</source>
      <comment>cups.unknown_error</comment>
      <translation>خطأ غير معروف</translation>
    </message>
  </context>
</TS>
