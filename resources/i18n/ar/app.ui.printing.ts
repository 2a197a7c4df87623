<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>The receipt PDF could not be read for printing; render it again.</source>
      <comment>printing.pdf_unreadable</comment>
      <translation>تعذّرت قراءة ملف PDF للإيصال من أجل الطباعة؛ أنشئه مرة أخرى.</translation>
    </message>
    <message>
      <source>A page of the receipt could not be drawn for printing.</source>
      <comment>printing.page_not_drawn</comment>
      <translation>تعذّر رسم إحدى صفحات الإيصال للطباعة.</translation>
    </message>
    <message>
      <source>Choose a file name to print the receipt to.</source>
      <comment>printing.no_file_name</comment>
      <translation>اختر اسم ملف لطباعة الإيصال إليه.</translation>
    </message>
    <message>
      <source>The receipt could not be written to {path}: {error}. Choose another folder.</source>
      <comment>printing.not_written</comment>
      <translation>تعذّر حفظ الإيصال في {path}: {error}. اختر مجلداً آخر.</translation>
    </message>
    <message>
      <source>The printer could not print the receipt. Check that it is switched on, connected and has paper, then try again.</source>
      <comment>printing.printer_failed_unnamed</comment>
      <translation>تعذّر على الطابعة طباعة الإيصال. تأكد من أنها قيد التشغيل ومتصلة وبها ورق، ثم حاول مرة أخرى.</translation>
    </message>
    <message>
      <source>The printer '{name}' could not print the receipt. Check that it is switched on, connected and has paper, then try again.</source>
      <comment>printing.printer_failed</comment>
      <translation>تعذّر على الطابعة '{name}' طباعة الإيصال. تأكد من أنها قيد التشغيل ومتصلة وبها ورق، ثم حاول مرة أخرى.</translation>
    </message>
    <message>
      <source>There is no receipt to print; render it again.</source>
      <comment>printing.nothing_to_print</comment>
      <translation>لا يوجد إيصال للطباعة؛ أنشئه مرة أخرى.</translation>
    </message>
    <message>
      <source>The printer '{name}' is not installed on this computer. Choose another printer.</source>
      <comment>printing.printer_not_installed</comment>
      <translation>الطابعة '{name}' غير مثبّتة على هذا الجهاز. اختر طابعة أخرى.</translation>
    </message>
    <message>
      <source>No printer is installed on this computer. Ask IT to add one.</source>
      <comment>printing.no_printer</comment>
      <translation>لا توجد طابعة مثبّتة على هذا الجهاز. اطلب من قسم تقنية المعلومات إضافة طابعة.</translation>
    </message>
    <message>
      <source>Print {title}</source>
      <translation>طباعة {title}</translation>
    </message>
    <message>
      <source>No default printer is set on this computer. Choose a printer in the print dialog, or ask IT to set a default printer.</source>
      <comment>printing.no_default_printer</comment>
      <translation>لم تُحدَّد طابعة افتراضية على هذا الجهاز. اختر طابعة من نافذة الطباعة، أو اطلب من قسم تقنية المعلومات تحديد طابعة افتراضية.</translation>
    </message>
    <message>
      <source>This computer cannot print PDF receipts yet: install Qt's PDF module (the PySide6-Pdf package) or CUPS. Ask IT for help.</source>
      <comment>printing.cannot_print_pdf</comment>
      <translation>لا يستطيع هذا الجهاز طباعة إيصالات PDF بعد: ثبّت وحدة PDF الخاصة بـ Qt (حزمة PySide6-Pdf) أو CUPS. اطلب المساعدة من قسم تقنية المعلومات.</translation>
    </message>
    <message>
      <source>default printer</source>
      <translation>الطابعة الافتراضية</translation>
    </message>
  </context>
</TS>
