<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>The receipt PDF could not be read for printing; render it again.</source>
      <extracomment>pdf_unreadable</extracomment>
      <translation>تعذّرت قراءة ملف PDF للإيصال من أجل الطباعة؛ أنشئه مرة أخرى.</translation>
    </message>
    <message>
      <source>A page of the receipt could not be drawn for printing.</source>
      <extracomment>page_not_drawn</extracomment>
      <translation>تعذّر رسم إحدى صفحات الإيصال للطباعة.</translation>
    </message>
    <message>
      <source>Choose a file name to print the receipt to.</source>
      <extracomment>no_file_name</extracomment>
      <translation>اختر اسم ملف لطباعة الإيصال إليه.</translation>
    </message>
    <message>
      <source>The receipt could not be written to {path}: {error}. Choose another folder.</source>
      <extracomment>not_written</extracomment>
      <translation>تعذّر حفظ الإيصال في {path}: {error}. اختر مجلداً آخر.</translation>
    </message>
    <message>
      <source>The printer could not print the receipt. Check that it is switched on, connected and has paper, then try again.</source>
      <extracomment>printer_failed_unnamed</extracomment>
      <translation>تعذّر على الطابعة طباعة الإيصال. تأكد من أنها قيد التشغيل ومتصلة وبها ورق، ثم حاول مرة أخرى.</translation>
    </message>
    <message>
      <source>The printer '{name}' could not print the receipt. Check that it is switched on, connected and has paper, then try again.</source>
      <extracomment>printer_failed</extracomment>
      <translation>تعذّر على الطابعة '{name}' طباعة الإيصال. تأكد من أنها قيد التشغيل ومتصلة وبها ورق، ثم حاول مرة أخرى.</translation>
    </message>
    <message>
      <source>There is no receipt to print; render it again.</source>
      <extracomment>nothing_to_print</extracomment>
      <translation>لا يوجد إيصال للطباعة؛ أنشئه مرة أخرى.</translation>
    </message>
    <message>
      <source>The printer '{name}' is not installed on this computer. Choose another printer.</source>
      <extracomment>printer_not_installed</extracomment>
      <translation>الطابعة '{name}' غير مثبّتة على هذا الجهاز. اختر طابعة أخرى.</translation>
    </message>
    <message>
      <source>No printer is installed on this computer. Ask IT to add one.</source>
      <extracomment>no_printer</extracomment>
      <translation>لا توجد طابعة مثبّتة على هذا الجهاز. اطلب من قسم تقنية المعلومات إضافة طابعة.</translation>
    </message>
    <message>
      <source>Print {title}</source>
      <translation>طباعة {title}</translation>
    </message>
    <message>
      <source>No default printer is set on this computer. Choose a printer in the print dialog, or ask IT to set a default printer.</source>
      <extracomment>no_default_printer</extracomment>
      <translation>لم تُحدَّد طابعة افتراضية على هذا الجهاز. اختر طابعة من نافذة الطباعة، أو اطلب من قسم تقنية المعلومات تحديد طابعة افتراضية.</translation>
    </message>
    <message>
      <source>This computer cannot print PDF receipts yet: install Qt's PDF module (the PySide6-Pdf package) or CUPS. Ask IT for help.</source>
      <extracomment>cannot_print_pdf</extracomment>
      <translation>لا يستطيع هذا الجهاز طباعة إيصالات PDF بعد: ثبّت وحدة PDF الخاصة بـ Qt (حزمة PySide6-Pdf) أو CUPS. اطلب المساعدة من قسم تقنية المعلومات.</translation>
    </message>
    <message>
      <source>default printer</source>
      <translation>الطابعة الافتراضية</translation>
    </message>
  </context>
</TS>
